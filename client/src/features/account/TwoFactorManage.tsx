import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { appCodeSchema } from './EnrolAuthenticator';
import { useDisableTwoFactor, useRenewRecoveryCodes } from './twoFactorApi';
import styles from './account.module.css';

const disableSchema = z
  .object({ code: z.string().trim().max(40), password: z.string().max(128) })
  .refine((v) => v.code.length > 0 || v.password.length > 0, {
    message: 'Enter a code from your authenticator app, a recovery code, or your password.',
    path: ['code'],
  });

interface TwoFactorManageProps {
  onNewCodes: (codes: string[]) => void;
  requiredByWorkspace: boolean;
}

/** New recovery codes, and turning two-step verification off; both need proof, not just an open session. */
export function TwoFactorManage({ onNewCodes, requiredByWorkspace }: TwoFactorManageProps) {
  const toast = useToast();
  const renew = useRenewRecoveryCodes();
  const disable = useDisableTwoFactor();
  const renewForm = useForm<{ code: string }>({ resolver: zodResolver(appCodeSchema), defaultValues: { code: '' } });
  const disableForm = useForm<z.infer<typeof disableSchema>>({
    resolver: zodResolver(disableSchema),
    defaultValues: { code: '', password: '' },
  });

  const onRenew = renewForm.handleSubmit(async ({ code }) => {
    try {
      const { recoveryCodes } = await renew.mutateAsync(code.replace(/\s/g, ''));
      renewForm.reset();
      onNewCodes(recoveryCodes);
    } catch (error) {
      applyServerErrors(error, renewForm.setError, ['code']);
    }
  });

  const onDisable = disableForm.handleSubmit(async ({ code, password }) => {
    try {
      await disable.mutateAsync(password ? { password } : { code: code.trim() });
      disableForm.reset();
      toast.success('Two-step verification is off. Every other session was signed out.');
    } catch (error) {
      applyServerErrors(error, disableForm.setError, ['code', 'password']);
    }
  });

  return (
    <div className={styles.manage}>
      <form className="form" onSubmit={onRenew} noValidate aria-labelledby="renew-codes-title">
        <h3 id="renew-codes-title" className={styles.subTitle}>
          New recovery codes
        </h3>
        <p className="small muted">The codes you have now stop working.</p>
        <FormError errors={renewForm.formState.errors} />
        <TextField
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          error={renewForm.formState.errors.code?.message}
          {...renewForm.register('code')}
        />
        <div>
          <Button type="submit" loading={renewForm.formState.isSubmitting}>
            Make new recovery codes
          </Button>
        </div>
      </form>
      <form className="form" onSubmit={onDisable} noValidate aria-labelledby="disable-two-factor-title">
        <h3 id="disable-two-factor-title" className={styles.subTitle}>
          Turn off two-step verification
        </h3>
        <p className="small muted">
          {requiredByWorkspace
            ? 'Your workspace requires it: you will be asked to set it up again.'
            : 'Sign-in will ask for your password only. Every other session is signed out.'}
        </p>
        <FormError errors={disableForm.formState.errors} />
        <TextField
          label="Code from the app, or a recovery code"
          autoComplete="one-time-code"
          error={disableForm.formState.errors.code?.message}
          {...disableForm.register('code')}
        />
        <TextField
          label="Or your password"
          type="password"
          autoComplete="current-password"
          error={disableForm.formState.errors.password?.message}
          {...disableForm.register('password')}
        />
        <div>
          <Button type="submit" variant="danger" loading={disableForm.formState.isSubmitting}>
            Turn off
          </Button>
        </div>
      </form>
    </div>
  );
}
