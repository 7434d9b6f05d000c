import { z } from 'zod';
import { countText, platformLimits, type Platform } from '../limits';
import type { ContentVariant } from '../types';
import type { OptionIssue, PostOptions } from './options';

/**
 * What follows a post on its network: a first comment (Facebook, Instagram, LinkedIn, a reply on X and Threads) and, on X, a
 * thread: the parts after the first, each posted as a reply to the one before. They mirror the server's rules
 * (src/Domain/Content/FollowUps.cs), which checks them again when a post is scheduled.
 */
export const commentPlatforms = ['linkedIn', 'instagram', 'facebook', 'x', 'threads'] as const;
export type CommentPlatform = (typeof commentPlatforms)[number];

/** The longest first comment each network takes (a reply on X or Threads is a post: 280 as X counts, 500). */
export const commentMax: Record<CommentPlatform, number> = {
  linkedIn: 1250,
  instagram: 2200,
  facebook: 8000,
  x: 280,
  threads: 500,
};

/** At most this many parts in a thread, the first one included. */
export const threadMaxParts = 25;

export function takesFirstComment(platform: Platform): platform is CommentPlatform {
  return (commentPlatforms as readonly Platform[]).includes(platform);
}

export const followUpsSchema = z.object({
  firstComments: z.object({
    linkedIn: z.string(),
    instagram: z.string(),
    facebook: z.string(),
    x: z.string(),
    threads: z.string(),
  }),
  /** The thread's parts after the first (the X text), as objects so that the form can add, edit and remove each. */
  thread: z.array(z.object({ text: z.string() })),
});

export type FollowUpValues = z.infer<typeof followUpsSchema>;

export function emptyFollowUps(): FollowUpValues {
  return { firstComments: { linkedIn: '', instagram: '', facebook: '', x: '', threads: '' }, thread: [] };
}

/** The composer's values from a saved post's variants. */
export function followUpsOf(variants: readonly ContentVariant[]): FollowUpValues {
  const values = emptyFollowUps();
  for (const variant of variants) {
    if (takesFirstComment(variant.platform)) values.firstComments[variant.platform] = variant.options?.firstComment ?? '';
  }
  const x = variants.find((variant) => variant.platform === 'x');
  values.thread = (x?.options?.thread ?? []).map((text) => ({ text }));
  return values;
}

const noSwitches = { disableComment: false, disableDuet: false, disableStitch: false };

/** The network's settings with its first comment and thread added; nothing when there is nothing to send. */
export function withFollowUps(
  platform: Platform,
  options: PostOptions | undefined,
  values: FollowUpValues,
): PostOptions | undefined {
  const comment = takesFirstComment(platform) ? values.firstComments[platform].trim() : '';
  const thread = platform === 'x' ? values.thread.map((part) => part.text.trim()) : [];
  if (!comment && thread.length === 0) return options;
  return {
    ...noSwitches,
    ...options,
    ...(comment ? { firstComment: comment } : {}),
    ...(thread.length > 0 ? { thread } : {}),
  };
}

/** Checked on every save: empty parts, parts and comments over their network's limit, too many parts. */
export function followUpIssues(platforms: readonly Platform[], values: FollowUpValues): OptionIssue[] {
  const issues: OptionIssue[] = [];
  for (const platform of platforms.filter(takesFirstComment)) {
    const length = countText(platform, values.firstComments[platform]);
    if (length > commentMax[platform]) {
      issues.push({
        path: ['followUps', 'firstComments', platform],
        message: `A first comment on ${platformLimits[platform].name} takes at most ${commentMax[platform].toLocaleString()} characters; this one has ${length.toLocaleString()}.`,
      });
    }
  }
  if (!platforms.includes('x')) return issues;
  if (values.thread.length + 1 > threadMaxParts) {
    issues.push({ path: ['followUps', 'thread'], message: `A thread has at most ${threadMaxParts} parts.` });
  }
  values.thread.forEach((part, index) => {
    const path = ['followUps', 'thread', index, 'text'];
    const length = countText('x', part.text);
    if (!part.text.trim()) issues.push({ path, message: `Part ${index + 2} of the thread is empty: write it or remove it.` });
    else if (length > platformLimits.x.maxLength) {
      issues.push({
        path,
        message: `Part ${index + 2} is too long: X allows at most ${platformLimits.x.maxLength} characters per part; it has ${length}.`,
      });
    }
  });
  return issues;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

/** Pieces of `text` (sentences, else words, else characters) that each fit in `max` as `count` counts. */
function pieces(text: string, max: number, count: (text: string) => number): string[] {
  const result: string[] = [];
  for (const { segment } of sentences.segment(text)) {
    if (count(segment) <= max) {
      result.push(segment);
      continue;
    }
    for (const { segment: word } of words.segment(segment)) {
      if (count(word) <= max) result.push(word);
      else result.push(...Array.from(word));
    }
  }
  return result;
}

/**
 * Splits a long text into thread parts at sentence boundaries, each within X's limit as X counts it (links 23, emoji 2):
 * sentences are packed into a part while they fit; a sentence longer than a part is split between words.
 */
export function splitIntoThread(
  text: string,
  max = platformLimits.x.maxLength,
  count = (part: string) => countText('x', part),
): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces(text.trim(), max, count)) {
    const joined = current + piece;
    if (count(joined) <= max) {
      current = joined;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    current = piece.trimStart();
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
