import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, Navigate, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { signUp } from './api';
import { AuthLayout } from './AuthLayout';
import { ExternalSignInButtons } from './ExternalSignInButtons';
import { passwordMin, signUpSchema, type SignUpValues } from './schemas';
import { useSession } from './useSession';

export default function SignUpPage() {
  const session = useSession();
  const navigate = useNavigate();
  const form = useForm<SignUpValues>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { fullName: '', companyName: '', email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  if (session && !isSubmitting) return <Navigate to="/app" replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signUp(values);
      navigate('/app', { replace: true });
    } catch (error) {
      applyServerErrors(error, form.setError, ['fullName', 'companyName', 'email', 'password']);
    }
  });

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Set up a workspace for your company in under a minute."
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <TextField label="Your name" autoComplete="name" error={errors.fullName?.message} {...form.register('fullName')} />
        <TextField
          label="Company name"
          autoComplete="organization"
          hint="This becomes your workspace. You can add more brands later."
          error={errors.companyName?.message}
          {...form.register('companyName')}
        />
        <TextField
          label="Work e-mail"
          type="email"
          autoComplete="email"
          inputMode="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${passwordMin} characters. A few unrelated words make a strong one.`}
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" variant="primary" size="lg" block loading={isSubmitting}>
          Create account
        </Button>
      </form>
      <ExternalSignInButtons />
    </AuthLayout>
  );
}
