import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isApiError } from '../../api';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { completeTwoFactorSignIn } from './api';
import styles from './auth.module.css';

const appSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3} ?\d{3}$/, 'Enter the 6 digits your authenticator app shows.'),
});
const recoverySchema = z.object({ code: z.string().trim().min(1, 'Enter one of your recovery codes.').max(40) });
type Values = { code: string };

interface TwoFactorStepProps {
  challenge: string;
  onSignedIn: () => void;
  onStartOver: () => void;
}

/** The second step of signing in: a code from the authenticator app, or one of the recovery codes. */
export function TwoFactorStep({ challenge, onSignedIn, onStartOver }: TwoFactorStepProps) {
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(useRecovery ? recoverySchema : appSchema), defaultValues: { code: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    try {
      await completeTwoFactorSignIn(
        useRecovery ? { challenge, recoveryCode: code.trim() } : { challenge, code: code.replace(/\s/g, '') },
      );
      onSignedIn();
    } catch (error) {
      // The server names `code` or `recoveryCode`; both are this one field. A dead challenge is the form's message.
      const recoveryError = isApiError(error) ? error.fieldErrors.recoveryCode : undefined;
      if (recoveryError) form.setError('code', { type: 'server', message: recoveryError.join(' ') }, { shouldFocus: true });
      else applyServerErrors(error, form.setError, ['code']);
    }
  });

  const switchMode = () => {
    setUseRecovery((value) => !value);
    form.reset({ code: '' });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="two-factor-title">
      <h2 id="two-factor-title" className={styles.stepTitle}>
        Two-step verification
      </h2>
      <p>
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you set up two-step verification. Each code works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for AI Brand Automator.'}
      </p>
      <FormError errors={errors} />
      <TextField
        key={useRecovery ? 'recovery' : 'app'}
        label={useRecovery ? 'Recovery code' : 'Authentication code'}
        autoComplete={useRecovery ? 'off' : 'one-time-code'}
        inputMode={useRecovery ? 'text' : 'numeric'}
        autoFocusOnOpen
        error={errors.code?.message}
        {...form.register('code')}
      />
      <Button type="submit" variant="primary" size="lg" block loading={isSubmitting}>
        Verify and sign in
      </Button>
      <div className={styles.stepActions}>
        <Button variant="ghost" size="sm" onClick={switchMode}>
          {useRecovery ? 'Use a code from the authenticator app' : 'Use a recovery code instead'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onStartOver}>
          Start over
        </Button>
      </div>
    </form>
  );
}
