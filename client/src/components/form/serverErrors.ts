import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../api';

/** Where a form's top-level message lives (react-hook-form keeps `root.*` errors apart from the fields). */
export const serverErrorKey = 'root.server' as const;

/**
 * The form path (react-hook-form's dots) of a field the server names: `strategy.values[0].name` is `values.0.name`
 * in a form holding the `strategy` step, whose prefix is `strategy`.
 */
export function toFormPath(serverName: string, prefix?: string): string {
  let name = serverName;
  if (prefix && name.toLowerCase().startsWith(`${prefix.toLowerCase()}.`)) name = name.slice(prefix.length + 1);
  return name.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Puts a failed call's messages where the user will look: each of the server's field errors (`errors.password`,
 * `errors["strategy.values[0].name"]`) on the form field of that name, focusing the first; whatever names no field of
 * this form, and any other failure, as the form's own message. `prefix` is the part of the server's names that the
 * form leaves out (a wizard step's form holds one step of a larger request).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  { prefix }: { prefix?: string } = {},
) {
  if (!isApiError(error)) {
    setError(serverErrorKey, { type: 'server', message: 'Something went wrong. Try again.' });
    return;
  }

  const byLowerName = new Map(fields.map((field) => [field.toLowerCase(), field]));
  const unplaced: string[] = [];
  let focused = false;
  for (const [name, messages] of Object.entries(error.fieldErrors)) {
    const field = closestField(byLowerName, toFormPath(name, prefix).toLowerCase());
    const message = messages.join(' ');
    if (field) {
      setError(field, { type: 'server', message }, { shouldFocus: !focused });
      focused = true;
    } else {
      unplaced.push(message);
    }
  }

  if (unplaced.length > 0 || Object.keys(error.fieldErrors).length === 0) {
    setError(serverErrorKey, { type: 'server', message: unplaced.length > 0 ? unplaced.join(' ') : error.userMessage });
  }
}

/** The field a path names, or the nearest field holding it: an error on `tags.2` belongs to a `tags` field. */
function closestField<F>(fields: Map<string, F>, path: string): F | undefined {
  for (let candidate = path; candidate; candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('.')))) {
    const field = fields.get(candidate);
    if (field) return field;
  }
  return undefined;
}
