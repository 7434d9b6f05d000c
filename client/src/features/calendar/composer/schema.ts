import type { Path } from 'react-hook-form';
import { z } from 'zod';
import { inputValueOf, nextFullHour } from '../dates';
import { measure, platformLimits, type Platform } from '../limits';
import type { ContentItem, ContentRequest } from '../types';
import { emptyFollowUps, followUpIssues, followUpsOf, followUpsSchema, takesFirstComment, withFollowUps } from './followUps';
import { emptyOptions, optionsSchema, optionsFor, optionsIssues, optionsOf } from './options';
import { noRepeat, repeatIssues, repeatSchema, toRepeatRequest } from './repeat';

const platformSchema = z.enum([
  'linkedIn',
  'instagram',
  'facebook',
  'x',
  'googleBusiness',
  'bluesky',
  'threads',
  'pinterest',
  'youTube',
  'tikTok',
]);

export const schema = z
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
      bluesky: z.string(),
      threads: z.string(),
      pinterest: z.string(),
      youTube: z.string(),
      tikTok: z.string(),
    }),
    /** The settings only some networks have (a pin's board and title, ...), kept per network. */
    options: optionsSchema,
    /** First comments per network and the X thread's later parts. */
    followUps: followUpsSchema,
    media: z.array(z.string()),
    /** Descriptions (alt text) of media, by asset id: only those edited here; saved on the files themselves. */
    altTexts: z.record(z.string(), z.string().max(1000, 'Use at most 1,000 characters.')),
    at: z.string(),
    repeat: repeatSchema,
  })
  .superRefine((values, ctx) => {
    for (const issue of repeatIssues(values.repeat, values.at)) {
      ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
    }
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
    for (const issue of optionsIssues(values.platforms, values.options)) ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of followUpIssues(values.platforms, values.followUps)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type ComposerValues = z.infer<typeof schema>;

export type Intent = 'draft' | 'submit' | 'schedule' | 'queue';

/** What the composer says when an action is done. */
export const done: Record<Intent, (title: string) => string> = {
  draft: (title) => `“${title}” was saved as a draft.`,
  submit: (title) => `“${title}” was sent for approval.`,
  schedule: (title) => `“${title}” is scheduled.`,
  queue: (title) => `“${title}” is queued.`,
};

export function textFor(values: Pick<ComposerValues, 'sameForAll' | 'shared' | 'texts'>, platform: Platform): string {
  return values.sameForAll ? values.shared : values.texts[platform];
}

const emptyTexts = {
  linkedIn: '',
  instagram: '',
  facebook: '',
  x: '',
  googleBusiness: '',
  bluesky: '',
  threads: '',
  pinterest: '',
  youTube: '',
  tikTok: '',
};

export function toValues(item: ContentItem | undefined, timeZone: string, defaultAt?: string): ComposerValues {
  if (!item) {
    return {
      title: '',
      companyId: '',
      platforms: ['linkedIn'],
      sameForAll: true,
      shared: '',
      texts: { ...emptyTexts },
      options: emptyOptions(),
      followUps: emptyFollowUps(),
      media: [],
      altTexts: {},
      at: defaultAt ?? nextFullHour(timeZone),
      repeat: { ...noRepeat },
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
    options: optionsOf(item.variants, timeZone),
    followUps: followUpsOf(item.variants),
    media: [...new Set(item.variants.flatMap((variant) => variant.mediaAssetIds ?? []))],
    altTexts: {},
    at: item.scheduledLocal ? inputValueOf(item.scheduledLocal) : (defaultAt ?? nextFullHour(timeZone)),
    repeat: { ...noRepeat },
  };
}

/** A recurring post: the post, its first time (the composer's) and its rule. */
export function toRecurringRequest(values: ComposerValues, timeZone = 'UTC') {
  const { at, ...post } = toRequest(values, timeZone);
  return { ...post, start: at ?? '', repeat: toRepeatRequest(values.repeat, values.at) };
}

export function toRequest(values: ComposerValues, timeZone = 'UTC'): ContentRequest {
  return {
    title: values.title.trim(),
    companyId: values.companyId || null,
    variants: values.platforms.map((platform) => ({
      platform,
      text: textFor(values, platform).trim(),
      mediaAssetIds: values.media,
      options: withFollowUps(platform, optionsFor(platform, values.options, timeZone), values.followUps),
    })),
    at: values.at || null,
  };
}

/**
 * The form path of a field the server names. Variants are sent in the order of the chosen networks, so
 * `variants[1].text` is the second network's text (or the shared text when one text serves all).
 */
export function formPathOf(serverName: string, values: ComposerValues): Path<ComposerValues> | null {
  const variant = /^(?:items\[\d+\]\.)?variants\[(\d+)\]\.(\w+)(?:\.(\w+))?/i.exec(serverName);
  if (variant) {
    const platform = values.platforms[Number(variant[1])];
    if (!platform) return 'platforms';
    const field = variant[2]!.toLowerCase();
    const part = /\.options\.thread\[(\d+)\]/i.exec(serverName);
    if (field === 'options' && part) return `followUps.thread.${Number(part[1])}.text` as Path<ComposerValues>;
    if (field === 'options' && variant[3]?.toLowerCase() === 'firstcomment' && takesFirstComment(platform)) {
      return `followUps.firstComments.${platform}`;
    }
    if (field === 'options') return optionPath(platform, variant[3] ?? '');
    if (field === 'mediaassetids') return 'media';
    if (field === 'platform') return 'platforms';
    return values.sameForAll ? 'shared' : `texts.${platform}`;
  }
  const name = serverName.replace(/^items\[\d+\]\./i, '').toLowerCase();
  if (name === 'variants') return 'platforms';
  const plain: Record<string, Path<ComposerValues>> = {
    title: 'title',
    at: 'at',
    start: 'at',
    companyid: 'companyId',
    'repeat.weekdays': 'repeat.weekdays',
    'repeat.interval': 'repeat.interval',
    'repeat.count': 'repeat.count',
    'repeat.until': 'repeat.until',
    'repeat.monthday': 'repeat.monthly',
    'repeat.weekofmonth': 'repeat.monthly',
  };
  return plain[name] ?? null;
}

/** The form field of a network setting the server names (`variants[0].options.boardId`). */
function optionPath(platform: Platform, field: string): Path<ComposerValues> | null {
  const name = field.toLowerCase();
  if (platform === 'pinterest' && ['boardid', 'title', 'link'].includes(name)) {
    return `options.pinterest.${name === 'boardid' ? 'boardId' : name}` as Path<ComposerValues>;
  }
  if (platform === 'tikTok' && name === 'privacy') return 'options.tikTok.privacy';
  if (platform === 'youTube' && ['title', 'privacy', 'tags', 'publishat'].includes(name)) {
    return `options.youTube.${name === 'publishat' ? 'publishAt' : name}` as Path<ComposerValues>;
  }
  return null;
}
