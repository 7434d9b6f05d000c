import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../../api';
import { applyServerErrors, serverErrorKey } from '../../../components/form/serverErrors';
import { formPathOf, type ComposerValues } from './schema';

/** Puts each of the server's field errors on the composer's field for it (focusing the first), the rest on top. */
export function placeServerErrors(form: UseFormReturn<ComposerValues>, error: unknown, valid: ComposerValues) {
  if (!isApiError(error) || Object.keys(error.fieldErrors).length === 0) {
    applyServerErrors(error, form.setError, []);
    return;
  }
  const unplaced: string[] = [];
  let focused = false;
  for (const [name, messages] of Object.entries(error.fieldErrors)) {
    const path = formPathOf(name, valid);
    const message = messages.join(' ');
    if (!path) {
      unplaced.push(message);
      continue;
    }
    const focusable = path !== 'platforms' && path !== 'media' && path !== 'repeat.weekdays';
    form.setError(path, { type: 'server', message }, { shouldFocus: focusable && !focused });
    focused ||= focusable;
  }
  if (unplaced.length > 0) form.setError(serverErrorKey, { type: 'server', message: unplaced.join(' ') });
}
