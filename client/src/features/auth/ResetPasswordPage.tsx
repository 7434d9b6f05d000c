import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { applyServerErrors } from '../../components/form/serverErrors';
import { linkFragment, resetPassword } from './api';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields } from './NewPasswordFields';
import { resetPasswordSchema, type ResetPasswordValues } from './schemas';

/**
 * Where a reset link lands. Its user and token ride in the fragment (never sent to a server by the browser); they are
 * read once and taken out of the address bar, so the link does not linger in history.
 */
export default function ResetPasswordPage() {
  const navigate = useNavigate();
  const [link] = useState(() => {
    const found = linkFragment(window.location.hash);
    if (found) window.history.replaceState(window.history.state, '', window.location.pathname);
    return found;
  });
  const [deadLink, setDeadLink] = useState<string | null>(null);
  const form = useForm<ResetPasswordValues>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    if (!link) return;
    try {
      await resetPassword({ ...link, newPassword });
      navigate('/sign-in?reason=password-reset', { replace: true });
    } catch (error) {
      const tokenError = isApiError(error) ? error.fieldErrors.token : undefined;
      if (tokenError) setDeadLink(tokenError.join(' '));
      else applyServerErrors(error, form.setError, ['newPassword']);
    }
  });

  const problem = deadLink ?? (link ? null : 'This page needs the link from the e-mail. Open it again, or ask for a new one.');
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Setting it signs you out on every device; then sign in with the new password."
      footer={
        <>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      {problem ? (
        <div className="stack">
          <Alert tone="error" title="This link cannot be used">
            {problem}
          </Alert>
          <ButtonLink variant="primary" block to="/forgot-password">
            Ask for a new link
          </ButtonLink>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <NewPasswordFields
            newPassword={form.register('newPassword')}
            confirmPassword={form.register('confirmPassword')}
            errors={{ newPassword: errors.newPassword?.message, confirmPassword: errors.confirmPassword?.message }}
          />
          <Button type="submit" variant="primary" size="lg" block loading={isSubmitting}>
            Set the new password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
