import { z } from 'zod';
import { codePointLength, platformLimits, type Platform } from '../limits';
import type { ContentVariant } from '../types';

/**
 * The settings only some networks have, per network, as the composer edits them (blank means unset); they mirror the
 * server's PostOptions (src/Domain/Content/PostOptions.cs), which checks them again when a post is scheduled.
 */
export type PostOptions = NonNullable<ContentVariant['options']>;

export const titleMax = 100;
const linkMax = 2048;
const webLink = /^https?:\/\/[^\s/?#]+\.[^\s]*$/i;

export const youTubePrivacies = ['public', 'unlisted', 'private'] as const;
const youTubeTagsMax = 500;

export const optionsSchema = z.object({
  pinterest: z.object({ boardId: z.string(), title: z.string(), link: z.string() }),
  youTube: z.object({
    title: z.string(),
    privacy: z.enum(youTubePrivacies),
    /** Comma-separated, as typed. */
    tags: z.string(),
    /** When the private video goes public, in the workspace's time zone (`2026-11-05T17:00`); blank for never. */
    publishAt: z.string(),
  }),
  /** TikTok's privacy has no default: blank until the creator chooses among what TikTok offers their account. */
  tikTok: z.object({ privacy: z.string(), disableComment: z.boolean(), disableDuet: z.boolean(), disableStitch: z.boolean() }),
});

export type OptionValues = z.infer<typeof optionsSchema>;

export function emptyOptions(): OptionValues {
  return {
    pinterest: { boardId: '', title: '', link: '' },
    youTube: { title: '', privacy: 'public', tags: '', publishAt: '' },
    tikTok: { privacy: '', disableComment: false, disableDuet: false, disableStitch: false },
  };
}

/** Tags as typed (`bread, sourdough starter`), without blanks and # signs. */
export function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim().replace(/^#+/, '').trim())
    .filter((tag) => tag.length > 0);
}

/** YouTube's count of its tags: characters, a comma between two, quotes around a tag with a space. */
export function youTubeTagLength(tags: readonly string[]): number {
  return tags.reduce((sum, tag) => sum + codePointLength(tag) + (tag.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
}

function zoneParts(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/** `2026-11-05T17:00` on the clocks of `timeZone` as an instant (ISO, UTC). */
export function zonedToIso(local: string, timeZone: string): string {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  let instant = wall - (zoneParts(wall, timeZone) - wall);
  instant = wall - (zoneParts(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}

/** An instant as `2026-11-05T17:00` on the clocks of `timeZone`, for a datetime-local field. */
export function isoToZoned(iso: string, timeZone: string): string {
  return new Date(zoneParts(Date.parse(iso), timeZone)).toISOString().slice(0, 16);
}

/** The composer's values from a saved post's variants. */
export function optionsOf(variants: readonly ContentVariant[], timeZone: string): OptionValues {
  const values = emptyOptions();
  const pin = variants.find((variant) => variant.platform === 'pinterest')?.options;
  if (pin) values.pinterest = { boardId: pin.boardId ?? '', title: pin.title ?? '', link: pin.link ?? '' };
  const video = variants.find((variant) => variant.platform === 'youTube')?.options;
  if (video) {
    values.youTube = {
      title: video.title ?? '',
      privacy: youTubePrivacies.find((p) => p === video.privacy) ?? 'public',
      tags: (video.tags ?? []).join(', '),
      publishAt: video.publishAt ? isoToZoned(video.publishAt, timeZone) : '',
    };
  }
  const clip = variants.find((variant) => variant.platform === 'tikTok')?.options;
  if (clip) {
    values.tikTok = {
      privacy: clip.privacy ?? '',
      disableComment: !!clip.disableComment,
      disableDuet: !!clip.disableDuet,
      disableStitch: !!clip.disableStitch,
    };
  }
  return values;
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);
/** TikTok's switches, off for the networks that have none. */
const noSwitches = { disableComment: false, disableDuet: false, disableStitch: false };

/** What is sent for `platform`: its own settings, or nothing for networks that have none. */
export function optionsFor(platform: Platform, values: OptionValues, timeZone: string): PostOptions | undefined {
  if (platform === 'pinterest') {
    const pin = values.pinterest;
    return { ...noSwitches, boardId: blankToNull(pin.boardId), title: blankToNull(pin.title), link: blankToNull(pin.link) };
  }
  if (platform === 'youTube') {
    const video = values.youTube;
    return {
      ...noSwitches,
      title: blankToNull(video.title),
      privacy: video.privacy,
      tags: tagsOf(video.tags),
      publishAt: video.publishAt ? zonedToIso(video.publishAt, timeZone) : null,
    };
  }
  if (platform === 'tikTok') return { ...values.tikTok, privacy: blankToNull(values.tikTok.privacy) };
  return undefined;
}

export interface OptionIssue {
  path: (string | number)[];
  message: string;
}

/** Limits checked as the user types (any save). */
export function optionsIssues(platforms: readonly Platform[], values: OptionValues): OptionIssue[] {
  const issues: OptionIssue[] = [];
  if (platforms.includes('pinterest')) {
    const { title, link } = values.pinterest;
    if (codePointLength(title.trim()) > titleMax) {
      issues.push({ path: ['options', 'pinterest', 'title'], message: `A pin’s title takes at most ${titleMax} characters.` });
    }
    if (link.trim() && (!webLink.test(link.trim()) || link.trim().length > linkMax)) {
      issues.push({ path: ['options', 'pinterest', 'link'], message: 'Enter a web address starting with https://.' });
    }
  }
  if (platforms.includes('youTube')) {
    const { title, privacy, tags, publishAt } = values.youTube;
    if (codePointLength(title.trim()) > titleMax) {
      issues.push({ path: ['options', 'youTube', 'title'], message: `A YouTube title takes at most ${titleMax} characters.` });
    } else if (/[<>]/.test(title)) {
      issues.push({ path: ['options', 'youTube', 'title'], message: 'YouTube does not take the characters < and > in a title.' });
    }
    if (youTubeTagLength(tagsOf(tags)) > youTubeTagsMax) {
      issues.push({
        path: ['options', 'youTube', 'tags'],
        message: `YouTube takes at most ${youTubeTagsMax} characters of tags in all.`,
      });
    }
    if (publishAt && privacy !== 'private') {
      issues.push({
        path: ['options', 'youTube', 'privacy'],
        message: 'A video that goes public later is uploaded as private: choose Private, or clear the time.',
      });
    }
  }
  return issues;
}

/** What a post needs before it can be scheduled or queued (a draft may lack it): media where required, a board. */
export function scheduleIssues(platforms: readonly Platform[], values: OptionValues, mediaCount: number): OptionIssue[] {
  const issues: OptionIssue[] = [];
  const needingMedia = platforms.filter((platform) => platformLimits[platform].requiresMedia);
  if (needingMedia.length > 0 && mediaCount === 0) {
    const what = (platform: Platform) => (platform === 'youTube' || platform === 'tikTok' ? 'a video' : 'an image or a video');
    const message = needingMedia.map((platform) => `${platformLimits[platform].name} needs ${what(platform)}.`).join(' ');
    issues.push({ path: ['media'], message });
  }
  if (platforms.includes('youTube') && !values.youTube.title.trim()) {
    issues.push({ path: ['options', 'youTube', 'title'], message: 'Give the YouTube video a title.' });
  }
  if (platforms.includes('tikTok') && !values.tikTok.privacy) {
    issues.push({ path: ['options', 'tikTok', 'privacy'], message: 'Choose who can see the video on TikTok.' });
  }
  if (platforms.includes('pinterest') && !values.pinterest.boardId) {
    issues.push({ path: ['options', 'pinterest', 'boardId'], message: 'Choose the board the pin goes to.' });
  }
  return issues;
}
