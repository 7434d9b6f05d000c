import type { Path, UseFormReturn } from 'react-hook-form';
import { scheduleIssues } from './options';
import type { ComposerValues } from './schema';

/** Marks what a post still needs before it can be scheduled or queued; true when something is missing. */
export function blockedForScheduling(form: UseFormReturn<ComposerValues>, valid: ComposerValues): boolean {
  const missing = scheduleIssues(valid.platforms, valid.options, valid.media.length);
  for (const issue of missing) {
    form.setError(issue.path.join('.') as Path<ComposerValues>, { type: 'required', message: issue.message });
  }
  return missing.length > 0;
}
