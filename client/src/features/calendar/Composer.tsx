import { useId, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { errorMessage, isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextAreaField, TextField } from '../../components/form/Fields';
import { applyServerErrors, serverErrorKey } from '../../components/form/serverErrors';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toaster';
import { useAssets } from '../assets/api';
import { useBrands } from '../brands/api';
import { BrandGuardPanel } from '../brandGuard/BrandGuardPanel';
import { applyFix } from '../brandGuard/api';
import { useBrandGuardOverride } from '../brandGuard/useBrandGuardOverride';
import { newIdempotencyKey, useGeneratePosts, useSaveContent, useScheduleContent, useSubmitContent } from './api';
import { inputValueOf, nextFullHour } from './dates';
import { measure, platformLimits, platforms, type Platform } from './limits';
import { PostPreview } from './PostPreview';
import styles from './calendar.module.css';
import type { ContentItem, ContentRequest } from './types';

const platformSchema = z.enum(['linkedIn', 'instagram', 'facebook', 'x', 'googleBusiness']);

const schema = z
  .object({
    title: z.string().trim().min(1, 'Give the post a title.').max(200, 'Use at most 200 characters.'),
    companyId: z.string(),
    platforms: z.array(platformSchema).min(1, 'Choose at least one network.'),
    sameForAll: z.boolean(),
    shared: z.string(),
    texts: z.object({
      linkedIn: z.string(),
      instagram: z.string(),
      facebook: z.string(),
      x: z.string(),
      googleBusiness: z.string(),
    }),
    media: z.array(z.string()),
    at: z.string(),
  })
  .superRefine((values, ctx) => {
    for (const platform of values.platforms) {
      const path = values.sameForAll ? ['shared'] : ['texts', platform];
      const text = textFor(values, platform);
      const name = platformLimits[platform].name;
      if (!text.trim()) {
        ctx.addIssue({ code: 'custom', path, message: `Write the text for ${name}.` });
        continue;
      }
      const count = measure(platform, text);
      if (count.over) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${name} allows at most ${count.max.toLocaleString()} characters; this text has ${count.length.toLocaleString()}.`,
        });
      }
    }
  });

export type ComposerValues = z.infer<typeof schema>;

type Intent = 'draft' | 'submit' | 'schedule';

function textFor(values: Pick<ComposerValues, 'sameForAll' | 'shared' | 'texts'>, platform: Platform): string {
  return values.sameForAll ? values.shared : values.texts[platform];
}

const emptyTexts = { linkedIn: '', instagram: '', facebook: '', x: '', googleBusiness: '' };

function toValues(item: ContentItem | undefined, timeZone: string, defaultAt?: string): ComposerValues {
  if (!item) {
    return {
      title: '',
      companyId: '',
      platforms: ['linkedIn'],
      sameForAll: true,
      shared: '',
      texts: { ...emptyTexts },
      media: [],
      at: defaultAt ?? nextFullHour(timeZone),
    };
  }
  const texts = { ...emptyTexts };
  for (const variant of item.variants) texts[variant.platform] = variant.text;
  const distinct = new Set(item.variants.map((variant) => variant.text));
  return {
    title: item.title,
    companyId: item.companyId ?? '',
    platforms: item.variants.map((variant) => variant.platform),
    sameForAll: distinct.size <= 1,
    shared: item.variants[0]?.text ?? '',
    texts,
    media: [...new Set(item.variants.flatMap((variant) => variant.mediaAssetIds ?? []))],
    at: item.scheduledLocal ? inputValueOf(item.scheduledLocal) : (defaultAt ?? nextFullHour(timeZone)),
  };
}

export function toRequest(values: ComposerValues): ContentRequest {
  return {
    title: values.title.trim(),
    companyId: values.companyId || null,
    variants: values.platforms.map((platform) => ({
      platform,
      text: textFor(values, platform).trim(),
      mediaAssetIds: values.media,
    })),
    at: values.at || null,
  };
}

/**
 * The form path of a field the server names. Variants are sent in the order of the chosen networks, so
 * `variants[1].text` is the second network's text (or the shared text when one text serves all).
 */
export function formPathOf(serverName: string, values: ComposerValues): Path<ComposerValues> | null {
  const variant = /^(?:items\[\d+\]\.)?variants\[(\d+)\]\.(\w+)/i.exec(serverName);
  if (variant) {
    const platform = values.platforms[Number(variant[1])];
    if (!platform) return 'platforms';
    const field = variant[2]!.toLowerCase();
    if (field === 'mediaassetids') return 'media';
    if (field === 'platform') return 'platforms';
    return values.sameForAll ? 'shared' : `texts.${platform}`;
  }
  const name = serverName.replace(/^items\[\d+\]\./i, '').toLowerCase();
  if (name === 'variants') return 'platforms';
  const plain: Record<string, Path<ComposerValues>> = { title: 'title', at: 'at', companyid: 'companyId' };
  return plain[name] ?? null;
}

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
 * Mount it when it opens (it reads `item` once). Writes a post for one or more networks: one text for all or one per network, each counted the way its network
 * counts, previewed as the network shows it; saved as a draft, sent for approval, or scheduled in the workspace's
 * time zone.
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
  const toast = useToast();
  const brandOverride = useBrandGuardOverride();
  // Once the post exists (saved, then refused at scheduling), trying again updates it instead of adding another.
  const [savedId, setSavedId] = useState<string | undefined>(item?.id);
  const [intent, setIntent] = useState<Intent | null>(null);

  const values = useWatch({ control: form.control }) as ComposerValues;
  const chosen = values.platforms ?? [];
  const overLimit = chosen.some((platform) => measure(platform, textFor(values, platform) ?? '').over);

  const run = (next: Intent) =>
    form.handleSubmit(async (valid) => {
      setIntent(next);
      try {
        if (next === 'schedule') {
          if (!valid.at) {
            form.setError('at', { type: 'required', message: 'Choose when to publish.' }, { shouldFocus: true });
            return;
          }
          if (valid.platforms.includes('instagram') && valid.media.length === 0) {
            form.setError('media', { type: 'required', message: 'Instagram needs at least one image or video.' });
            return;
          }
        }
        const saved = await save.mutateAsync({ id: savedId, body: toRequest(valid) });
        setSavedId(saved.id);
        if (next === 'submit') await submitForReview.mutateAsync(saved.id);
        if (next === 'schedule') await schedule.mutateAsync({ id: saved.id, at: valid.at, key: newIdempotencyKey() });
        toast.success(
          next === 'draft'
            ? `“${saved.title}” was saved as a draft.`
            : next === 'submit'
              ? `“${saved.title}” was sent for approval.`
              : `“${saved.title}” is scheduled.`,
        );
        onClose();
      } catch (error) {
        const confirmed = async (id: string) => {
          await schedule.mutateAsync({ id, at: valid.at, key: newIdempotencyKey(), confirmBrandFindings: true });
          toast.success('The post is scheduled; your confirmation was recorded.');
          onClose();
        };
        if (next === 'schedule' && brandOverride.offer(error, confirmed)) return;
        placeServerErrors(error, valid);
      } finally {
        setIntent(null);
      }
    });

  function placeServerErrors(error: unknown, valid: ComposerValues) {
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
      const focusable = path !== 'platforms' && path !== 'media';
      form.setError(path, { type: 'server', message }, { shouldFocus: focusable && !focused });
      focused ||= focusable;
    }
    if (unplaced.length > 0) form.setError(serverErrorKey, { type: 'server', message: unplaced.join(' ') });
  }

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
        <form className="form" onSubmit={(event) => event.preventDefault()} noValidate aria-label="Post">
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
          <NetworkPicker form={form} error={errors.platforms?.message} />
          <AiDraft form={form} />
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
          <BrandGuardPanel
            variants={chosen.map((platform) => ({ platform, text: textFor(values, platform) ?? '' }))}
            onApplyFix={(platform, fix, excerpt) => {
              const path = values.sameForAll ? ('shared' as const) : (`texts.${platform}` as const);
              form.setValue(path, applyFix(form.getValues(path) ?? '', fix, excerpt), { shouldDirty: true });
            }}
          />
          <MediaPicker form={form} error={errors.media?.message} />
          <TextField
            label={`Publish at (${timeZone})`}
            type="datetime-local"
            optional
            hint="A draft keeps this as its planned time."
            error={errors.at?.message}
            {...form.register('at')}
          />
          {overLimit && (
            <p className={styles.blocked} role="status">
              <Icon name="alert" /> Shorten the text that is over its network’s limit to save the post.
            </p>
          )}
          <div className="form__actions">
            <Button onClick={onClose}>Cancel</Button>
            <Button onClick={run('draft')} loading={intent === 'draft'} disabled={busy || overLimit}>
              Save draft
            </Button>
            {approvalRequired ? (
              <Button variant="primary" onClick={run('submit')} loading={intent === 'submit'} disabled={busy || overLimit}>
                Submit for approval
              </Button>
            ) : (
              <Button variant="primary" onClick={run('schedule')} loading={intent === 'schedule'} disabled={busy || overLimit}>
                Schedule
              </Button>
            )}
          </div>
        </form>
        <Previews values={values} />
      </div>
      {brandOverride.dialog}
    </Dialog>
  );
}

type Form = ReturnType<typeof useForm<ComposerValues>>;

function NetworkPicker({ form, error }: { form: Form; error?: string }) {
  const errorId = useId();
  return (
    <fieldset className={styles.networks} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Networks</legend>
      <div className={styles.networkList}>
        {platforms.map((platform) => (
          <label key={platform} className={styles.network}>
            <input type="checkbox" value={platform} {...form.register('platforms')} />
            <span>{platformLimits[platform].name}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </fieldset>
  );
}

/** How long the text is as the network counts it, against its limit: read out when it goes over. */
function Counter({ platform, text }: { platform: Platform; text: string }) {
  const count = measure(platform, text);
  const limits = platformLimits[platform];
  return (
    <p
      className={count.over ? `${styles.counter} ${styles.counterOver}` : styles.counter}
      data-testid={`counter-${platform}`}
      title={limits.countingNote}
    >
      <span>{limits.name}</span>{' '}
      <span>
        {count.length.toLocaleString()} / {count.max.toLocaleString()}
      </span>
      {count.over && <span role="alert"> — {(-count.remaining).toLocaleString()} over the limit</span>}
    </p>
  );
}

function MediaPicker({ form, error }: { form: Form; error?: string }) {
  const assets = useAssets({ pageSize: 100 });
  const media = (assets.data?.items ?? []).filter(
    (asset) => (asset.type === 'image' || asset.type === 'video') && asset.state === 'ready',
  );
  const errorId = useId();
  if (media.length === 0 && !error) return null;
  return (
    <fieldset className={styles.networks} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Images and videos</legend>
      {media.length === 0 ? (
        <p className="field__hint">Upload an image or a video on the Files page to attach it.</p>
      ) : (
        <div className={styles.mediaList}>
          {media.map((asset) => (
            <label key={asset.id} className={styles.mediaOption}>
              <input type="checkbox" value={asset.id} {...form.register('media')} />
              {asset.thumbnailUrl && <img src={asset.thumbnailUrl} alt="" width={40} height={40} />}
              <span>{asset.name}</span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
    </fieldset>
  );
}

/** Drafts every chosen network's text from a topic, in the brand's voice, with the existing post drafting. */
function AiDraft({ form }: { form: Form }) {
  const brands = useBrands();
  const generate = useGeneratePosts();
  const [topic, setTopic] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const companyId = useWatch({ control: form.control, name: 'companyId' });
  const list = brands.data ?? [];

  const draft = async () => {
    setFailure(null);
    setNote(null);
    const chosen = form.getValues('platforms');
    try {
      const result = await generate.mutateAsync({ companyId, platforms: chosen, topic: topic.trim() });
      form.setValue('sameForAll', false);
      const shortened: string[] = [];
      for (const drafts of result.platforms) {
        const first = drafts.drafts[0];
        if (!first) continue;
        form.setValue(`texts.${drafts.platform}`, first.text, { shouldDirty: true });
        if (first.shortened) shortened.push(drafts.displayName);
      }
      if (!form.getValues('title').trim()) form.setValue('title', topic.trim().slice(0, 200));
      // The brand's documents the drafts drew on (facts, prescribed hashtags, words to avoid).
      const sources = [...new Set((result.sources ?? []).map((source) => source.assetName))];
      const drawnFrom = sources.length > 0 ? ` Drawn from ${sources.join(', ')}.` : '';
      setNote(
        shortened.length > 0
          ? `Drafted. Shortened to fit: ${shortened.join(', ')}.${drawnFrom} Edit before saving.`
          : `Drafted for each network.${drawnFrom} Edit before saving.`,
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div className={styles.aiDraft}>
      <SelectField label="Brand" optional {...form.register('companyId')}>
        <option value="">No brand</option>
        {list.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.aiRow}>
        <TextField
          label="Topic for an AI draft"
          optional
          value={topic}
          onChange={(event) => setTopic(event.target.value)}
          hint={companyId ? 'Written in the brand’s voice, within each network’s limit.' : 'Choose a brand to draft with AI.'}
        />
        <Button icon="sparkles" onClick={() => void draft()} loading={generate.isPending} disabled={!companyId || !topic.trim()}>
          AI draft
        </Button>
      </div>
      {note && (
        <p className="field__hint" role="status">
          {note}
        </p>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
    </div>
  );
}

function Previews({ values }: { values: ComposerValues }) {
  const chosen = values.platforms ?? [];
  const [shown, setShown] = useState<Platform | null>(null);
  const active = shown && chosen.includes(shown) ? shown : chosen[0];
  const name = useId();
  return (
    <section className={styles.previews} aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`} className={styles.previewTitle}>
        Preview
      </h3>
      {chosen.length > 1 && (
        <fieldset className="segmented">
          <legend className="visually-hidden">Preview as</legend>
          {chosen.map((platform) => (
            <label key={platform}>
              <input
                type="radio"
                name={name}
                value={platform}
                checked={platform === active}
                onChange={() => setShown(platform)}
              />
              <span>{platformLimits[platform].name}</span>
            </label>
          ))}
        </fieldset>
      )}
      {active ? (
        <PostPreview platform={active} text={textFor(values, active) ?? ''} title={values.title ?? ''} />
      ) : (
        <p className="muted">Choose a network to see the post as it will look there.</p>
      )}
    </section>
  );
}
