import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/form/FormError';
import { TextAreaField, TextField } from '../../components/form/Fields';
import { useToast } from '../../components/Toaster';
import { useUpdateAsset } from '../assets/api';
import { useBrandGuardOverride } from '../brandGuard/useBrandGuardOverride';
import { formatLocal } from '../queue/api';
import { newIdempotencyKey, useQueueContent, useSaveContent, useScheduleContent, useSubmitContent } from './api';
import { AiDraft } from './composer/AiDraft';
import { BrandCheck } from './composer/BrandCheck';
import { ComposerActions } from './composer/ComposerActions';
import { Counter } from './composer/Counter';
import { MediaPicker } from './composer/MediaPicker';
import { NetworkOptions } from './composer/NetworkOptions';
import { NetworkPicker } from './composer/NetworkPicker';
import { blockedForScheduling } from './composer/blocked';
import { useLinkTracking } from './composer/LinkTracking';
import { placeServerErrors } from './composer/placeErrors';
import { Previews } from './composer/Previews';
import { RepeatFields } from './composer/RepeatFields';
import { SnippetTools } from './composer/SnippetTools';
import {
  done,
  schema,
  textFor,
  toRecurringRequest,
  toRequest,
  toValues,
  type ComposerValues,
  type Intent,
} from './composer/schema';
import { SuggestedTimes } from '../analytics/SuggestedTimes';
import { useCreateRecurring } from './recurring/api';
import { measure, platformLimits } from './limits';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

export { formPathOf, toRequest, type ComposerValues } from './composer/schema';

interface ComposerProps {
  open: boolean;
  onClose: () => void;
  /** The post to edit; none for a new one. */
  item?: ContentItem;
  timeZone: string;
  approvalRequired: boolean;
  /** The time a new post starts with (`2026-10-27T09:00`), e.g. from the day picked in the calendar. */
  defaultAt?: string;
}

/**
 * Mount it when it opens (it reads `item` once). Writes a post for one or more networks: one text for all or one per
 * network, each counted the way its network counts, previewed as the network shows it, with its images (uploaded,
 * cropped and described here); saved as a draft, sent for approval, or scheduled in the workspace's time zone.
 */
export function Composer({ open, onClose, item, timeZone, approvalRequired, defaultAt }: ComposerProps) {
  const form = useForm<ComposerValues>({
    resolver: zodResolver(schema),
    defaultValues: toValues(item, timeZone, defaultAt),
    mode: 'onSubmit',
  });
  const { errors, isSubmitting } = form.formState;
  const save = useSaveContent();
  const submitForReview = useSubmitContent();
  const schedule = useScheduleContent();
  const queue = useQueueContent();
  const createRecurring = useCreateRecurring();
  const updateAsset = useUpdateAsset();
  const toast = useToast();
  const brandOverride = useBrandGuardOverride();
  const linkTracking = useLinkTracking(item?.id);
  // Once the post exists (saved, then refused at scheduling), trying again updates it instead of adding another.
  const [savedId, setSavedId] = useState<string | undefined>(item?.id);
  const [intent, setIntent] = useState<Intent | null>(null);

  const values = useWatch({ control: form.control }) as ComposerValues;
  const chosen = values.platforms ?? [];
  const overLimit = chosen.some((platform) => measure(platform, textFor(values, platform) ?? '').over);

  /** The descriptions edited here belong to the files: each changed one is saved on its file before the post. */
  async function saveDescriptions(valid: ComposerValues): Promise<boolean> {
    const edited = form.formState.dirtyFields.altTexts ?? {};
    for (const id of valid.media.filter((candidate) => edited[candidate])) {
      try {
        await updateAsset.mutateAsync({ id, body: { altText: valid.altTexts[id] ?? '' } });
      } catch (error) {
        const message = isApiError(error)
          ? (error.fieldErrors.altText?.join(' ') ?? error.userMessage)
          : 'It could not be saved.';
        form.setError(`altTexts.${id}`, { type: 'server', message }, { shouldFocus: true });
        return false;
      }
    }
    return true;
  }

  const run = (next: Intent) =>
    form.handleSubmit(async (valid) => {
      setIntent(next);
      try {
        if (next === 'schedule' || next === 'queue') {
          if (!valid.at && next === 'schedule') {
            form.setError('at', { type: 'required', message: 'Choose when to publish.' }, { shouldFocus: true });
            return;
          }
          if (blockedForScheduling(form, valid)) return;
        }
        if (!(await saveDescriptions(valid))) return;
        if (valid.repeat.on) {
          const series = await createRecurring.mutateAsync(toRecurringRequest(valid, timeZone));
          const made = series.occurrences.length;
          toast.success(
            `“${series.title}” repeats: ${made === 1 ? 'one post is' : `${made} posts are`} ${approvalRequired ? 'waiting for approval' : 'scheduled'}.`,
          );
          onClose();
          return;
        }
        const saved = await save.mutateAsync({ id: savedId, body: toRequest(valid, timeZone) });
        setSavedId(saved.id);
        if (!(await linkTracking.save(saved.id))) return;
        if (next === 'submit') await submitForReview.mutateAsync(saved.id);
        if (next === 'schedule') await schedule.mutateAsync({ id: saved.id, at: valid.at, key: newIdempotencyKey() });
        const queued = next === 'queue' ? await queue.mutateAsync(saved.id) : null;
        toast.success(
          queued?.scheduledLocal
            ? `“${saved.title}” is queued for ${formatLocal(queued.scheduledLocal)}.`
            : done[next](saved.title),
        );
        onClose();
      } catch (error) {
        const confirmed = async (id: string) => {
          await schedule.mutateAsync({ id, at: valid.at, key: newIdempotencyKey(), confirmBrandFindings: true });
          toast.success('The post is scheduled; your confirmation was recorded.');
          onClose();
        };
        if (next === 'schedule' && brandOverride.offer(error, confirmed)) return;
        placeServerErrors(form, error, valid);
      } finally {
        setIntent(null);
      }
    });

  const busy = isSubmitting || intent !== null;
  const editing = !!item;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={editing ? `Edit “${item.title}”` : 'New post'}
      description={`Times are in the workspace’s time zone, ${timeZone}.`}
    >
      <div className={styles.composer}>
        <form className={`form ${styles.composerForm}`} onSubmit={(event) => event.preventDefault()} noValidate aria-label="Post">
          <FormError errors={errors} />
          {editing && item.state === 'approved' && (
            <Alert tone="info" live={false}>
              Saving changes sends the post back to draft: it needs approval again.
            </Alert>
          )}
          {editing && item.reviewComment && item.state === 'draft' && (
            <Alert tone="warning" live={false} title="The reviewer asked for changes">
              {item.reviewComment}
            </Alert>
          )}
          <TextField
            label="Title"
            autoFocusOnOpen
            hint="Only your team sees it."
            error={errors.title?.message}
            {...form.register('title')}
          />
          <NetworkPicker form={form} error={errors.platforms?.message} isNew={!editing} />
          <AiDraft form={form} />
          <SnippetTools form={form} />
          <label className={styles.checkboxRow}>
            <input type="checkbox" {...form.register('sameForAll')} />
            <span>Same text for all networks</span>
          </label>
          {values.sameForAll ? (
            <div className="stack stack--sm">
              <TextAreaField label="Text" rows={6} error={errors.shared?.message} {...form.register('shared')} />
              <div className={styles.counters}>
                {chosen.map((platform) => (
                  <Counter key={platform} platform={platform} text={values.shared ?? ''} />
                ))}
              </div>
            </div>
          ) : (
            chosen.map((platform) => (
              <div key={platform} className="stack stack--sm">
                <TextAreaField
                  label={`Text for ${platformLimits[platform].name}`}
                  rows={4}
                  error={errors.texts?.[platform]?.message}
                  {...form.register(`texts.${platform}`)}
                />
                <div className={styles.counters}>
                  <Counter platform={platform} text={values.texts?.[platform] ?? ''} />
                </div>
              </div>
            ))
          )}
          <BrandCheck form={form} />
          {linkTracking.field}
          <MediaPicker form={form} error={errors.media?.message} />
          <NetworkOptions form={form} timeZone={timeZone} />
          <TextField
            label={`Publish at (${timeZone})`}
            type="datetime-local"
            optional
            hint="A draft keeps this as its planned time."
            error={errors.at?.message}
            {...form.register('at')}
          />
          <SuggestedTimes form={form} timeZone={timeZone} />
          {!editing && <RepeatFields form={form} timeZone={timeZone} />}
        </form>
        <Previews values={values} />
        <ComposerActions
          intent={intent}
          busy={busy}
          overLimit={overLimit}
          approvalRequired={approvalRequired}
          repeating={!editing && !!values.repeat?.on}
          onCancel={onClose}
          run={run}
        />
      </div>
      {brandOverride.dialog}
    </Dialog>
  );
}
