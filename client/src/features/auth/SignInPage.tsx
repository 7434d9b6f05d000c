import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { signIn } from './api';
import { AuthLayout } from './AuthLayout';
import styles from './auth.module.css';
import { safeNext } from './redirects';
import { signInSchema, type SignInValues } from './schemas';
import { TwoFactorStep } from './TwoFactorStep';
import { ExternalSignInButtons } from './ExternalSignInButtons';
import { useSession } from './useSession';

export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');
  const form = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  // The password was right and the account asks for a second factor: the challenge stands in for it until then.
  const [challenge, setChallenge] = useState<string | null>(null);

  if (session && !isSubmitting) return <Navigate to={next} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { twoFactor } = await signIn(values);
      if (twoFactor) {
        setChallenge(twoFactor.challenge);
        return;
      }
      navigate(next, { replace: true });
    } catch (error) {
      applyServerErrors(error, form.setError, ['email', 'password']);
    }
  });

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to your workspace."
      footer={
        <>
          New to AI Brand Automator? <Link to="/sign-up">Create an account</Link>
        </>
      }
    >
      {challenge ? (
        <TwoFactorStep
          challenge={challenge}
          onSignedIn={() => navigate(next, { replace: true })}
          onStartOver={() => {
            setChallenge(null);
            form.reset({ email: form.getValues('email'), password: '' });
          }}
        />
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          {reason === 'expired' && <Alert tone="info">Your session has ended. Sign in again to continue.</Alert>}
          {reason === 'signed-out' && <Alert tone="success">You are signed out.</Alert>}
          {reason === 'password-reset' && (
            <Alert tone="success">Your new password is set and every session has ended. Sign in with the new password.</Alert>
          )}
          {reason === 'password-changed' && (
            <Alert tone="success">Your password is changed. Sign in with the new password.</Alert>
          )}
          <FormError errors={errors} />
          <TextField
            label="E-mail"
            type="email"
            autoComplete="email"
            inputMode="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <p className={styles.formLink}>
            <Link to="/forgot-password">Forgot password?</Link>
          </p>
          <Button type="submit" variant="primary" size="lg" block loading={isSubmitting}>
            Sign in
          </Button>
        </form>
      )}
      {!challenge && <ExternalSignInButtons next={next} />}
    </AuthLayout>
  );
}
