import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../components/form/Fields';
import { passwordMin } from './schemas';

interface NewPasswordFieldsProps {
  newPassword: UseFormRegisterReturn;
  confirmPassword: UseFormRegisterReturn;
  errors: { newPassword?: string; confirmPassword?: string };
}

/** A new password and its confirmation, with the rule in words: shared by the reset page and the account settings. */
export function NewPasswordFields({ newPassword, confirmPassword, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${passwordMin} characters. A few unrelated words make a strong one.`}
        error={errors.newPassword}
        {...newPassword}
      />
      <TextField
        label="New password, again"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        {...confirmPassword}
      />
    </>
  );
}
