import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { requestPasswordReset } from './api';
import { AuthLayout } from './AuthLayout';
import { forgotPasswordSchema, type ForgotPasswordValues } from './schemas';

/** "Forgot password?": asks for a reset link. The answer never says whether the address has an account. */
export default function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<ForgotPasswordValues>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email }) => {
    try {
      await requestPasswordReset(email);
      setSentTo(email);
    } catch (error) {
      applyServerErrors(error, form.setError, ['email']);
    }
  });

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the e-mail address you sign in with. We will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      {sentTo ? (
        <div className="stack">
          <Alert tone="success" title="Check your inbox">
            If an account uses {sentTo}, a link to reset its password is on its way. The link works once, for 30 minutes. Nothing
            arrived after a few minutes? Look in the spam folder, or ask again.
          </Alert>
          <Button variant="secondary" block onClick={() => setSentTo(null)}>
            Send another link
          </Button>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <TextField
            label="E-mail"
            type="email"
            autoComplete="email"
            inputMode="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <Button type="submit" variant="primary" size="lg" block loading={isSubmitting}>
            Send the reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
