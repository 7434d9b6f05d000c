import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { AuthenticatorSetup } from '../../api';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useEnableTwoFactor } from './twoFactorApi';
import styles from './account.module.css';

export const appCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, 'Enter the 6 digits your authenticator app shows.'),
});

interface EnrolAuthenticatorProps {
  setup: AuthenticatorSetup;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** Scan (or type) the new key, then prove it with a code: only then does sign-in ask for codes. */
export function EnrolAuthenticator({ setup, onEnabled, onCancel }: EnrolAuthenticatorProps) {
  const enable = useEnableTwoFactor();
  const form = useForm<{ code: string }>({ resolver: zodResolver(appCodeSchema), defaultValues: { code: '' } });
  const { errors, isSubmitting } = form.formState;
  const qrCode = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrCodeSvg)}`;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    try {
      const { recoveryCodes } = await enable.mutateAsync(code.replace(/\s/g, ''));
      onEnabled(recoveryCodes);
    } catch (error) {
      applyServerErrors(error, form.setError, ['code']);
    }
  });

  return (
    <div className="stack">
      <ol className={styles.steps}>
        <li>Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password…).</li>
        <li>Scan this QR code with it, or type the key below.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <div className={styles.enrol}>
        <img className={styles.qr} src={qrCode} width={192} height={192} alt="QR code to scan with your authenticator app" />
        <div className="stack">
          <p className="small muted">Can’t scan? Type this key into the app (time-based):</p>
          <p>
            <code className={styles.key} data-testid="authenticator-key">
              {setup.sharedKey}
            </code>
          </p>
        </div>
      </div>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <TextField
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          error={errors.code?.message}
          {...form.register('code')}
        />
        <div className={styles.actions}>
          <Button type="submit" variant="primary" loading={isSubmitting}>
            Turn on two-step verification
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
