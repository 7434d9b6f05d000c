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

export const optionsSchema = z.object({
  pinterest: z.object({ boardId: z.string(), title: z.string(), link: z.string() }),
});

export type OptionValues = z.infer<typeof optionsSchema>;

export function emptyOptions(): OptionValues {
  return { pinterest: { boardId: '', title: '', link: '' } };
}

/** The composer's values from a saved post's variants. */
export function optionsOf(variants: readonly ContentVariant[]): OptionValues {
  const values = emptyOptions();
  const pin = variants.find((variant) => variant.platform === 'pinterest')?.options;
  if (pin) values.pinterest = { boardId: pin.boardId ?? '', title: pin.title ?? '', link: pin.link ?? '' };
  return values;
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

/** What is sent for `platform`: its own settings, or null for networks that have none. */
export function optionsFor(platform: Platform, values: OptionValues): PostOptions | null {
  if (platform === 'pinterest') {
    const pin = values.pinterest;
    return { boardId: blankToNull(pin.boardId), title: blankToNull(pin.title), link: blankToNull(pin.link) };
  }
  return null;
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
  return issues;
}

/** What a post needs before it can be scheduled or queued (a draft may lack it): media where required, a board. */
export function scheduleIssues(platforms: readonly Platform[], values: OptionValues, mediaCount: number): OptionIssue[] {
  const issues: OptionIssue[] = [];
  const needingMedia = platforms.filter((platform) => platformLimits[platform].requiresMedia);
  if (needingMedia.length > 0 && mediaCount === 0) {
    const names = needingMedia.map((platform) => platformLimits[platform].name).join(' and ');
    issues.push({ path: ['media'], message: `${names} ${needingMedia.length > 1 ? 'need' : 'needs'} an image or a video.` });
  }
  if (platforms.includes('pinterest') && !values.pinterest.boardId) {
    issues.push({ path: ['options', 'pinterest', 'boardId'], message: 'Choose the board the pin goes to.' });
  }
  return issues;
}
