import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { changePassword } from '../auth/api';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { changePasswordSchema, type ChangePasswordValues } from '../auth/schemas';
import styles from './account.module.css';

/** Changes the password with the current one; every other session ends, and this one too if the user says so. */
export function ChangePasswordForm() {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '', keepThisSession: true },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword, keepThisSession }) => {
    try {
      await changePassword({ currentPassword, newPassword, keepThisSession });
      if (!keepThisSession) {
        navigate('/sign-in?reason=password-changed', { replace: true });
        return;
      }
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['user'] });
      toast.success('Your password is changed. Every other session was signed out.');
    } catch (error) {
      applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']);
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError errors={errors} />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <NewPasswordFields
        newPassword={form.register('newPassword')}
        confirmPassword={form.register('confirmPassword')}
        errors={{ newPassword: errors.newPassword?.message, confirmPassword: errors.confirmPassword?.message }}
      />
      <label className={styles.checkRow}>
        <input type="checkbox" {...form.register('keepThisSession')} />
        <span>Keep me signed in on this device (every other device is signed out)</span>
      </label>
      <div>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Change password
        </Button>
      </div>
    </form>
  );
}
