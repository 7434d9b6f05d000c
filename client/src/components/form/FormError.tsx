import type { FieldErrors } from 'react-hook-form';
import { Alert } from '../Alert';

/** The form-level message set by applyServerErrors (a wrong password, a lost connection, a rule the server enforces). */
export function FormError({ errors }: { errors: FieldErrors }) {
  const message = errors.root?.server?.message;
  return message ? <Alert tone="error">{message}</Alert> : null;
}
