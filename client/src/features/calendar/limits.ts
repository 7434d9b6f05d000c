import type { components } from '../../api/schema.gen';

export type Platform = components['schemas']['SocialPlatform'];

/**
 * What each network accepts in one post: the one place the SPA keeps these rules. They mirror the server's
 * (src/Domain/Social/SocialPlatform.cs, PlatformRules and XText), which checks them again when a post is scheduled.
 */
export interface PlatformLimits {
  platform: Platform;
  name: string;
  /** The longest text, as `countText` counts it. */
  maxLength: number;
  /** Instagram has no text-only posts; a pin is an image or a video. */
  requiresMedia: boolean;
  /** How the counter explains the count. */
  countingNote?: string;
}

export const platformLimits: Record<Platform, PlatformLimits> = {
  linkedIn: { platform: 'linkedIn', name: 'LinkedIn', maxLength: 3000, requiresMedia: false },
  instagram: { platform: 'instagram', name: 'Instagram', maxLength: 2200, requiresMedia: true },
  facebook: { platform: 'facebook', name: 'Facebook', maxLength: 63206, requiresMedia: false },
  x: {
    platform: 'x',
    name: 'X',
    maxLength: 280,
    requiresMedia: false,
    countingNote: 'Links count 23, emoji and CJK characters 2.',
  },
  googleBusiness: { platform: 'googleBusiness', name: 'Google Business Profile', maxLength: 1500, requiresMedia: false },
  bluesky: {
    platform: 'bluesky',
    name: 'Bluesky',
    maxLength: 300,
    requiresMedia: false,
    countingNote: 'Counts characters as you see them: an emoji is one.',
  },
  threads: { platform: 'threads', name: 'Threads', maxLength: 500, requiresMedia: false },
  pinterest: {
    platform: 'pinterest',
    name: 'Pinterest',
    maxLength: 500,
    requiresMedia: true,
    countingNote: 'The pin’s description; its title is separate (100 characters).',
  },
  youTube: {
    platform: 'youTube',
    name: 'YouTube',
    maxLength: 5000,
    requiresMedia: true,
    countingNote: 'The video’s description, counted in bytes as YouTube does: accented letters count 2, emoji 4.',
  },
  tikTok: {
    platform: 'tikTok',
    name: 'TikTok',
    maxLength: 2200,
    requiresMedia: true,
    countingNote: 'The video’s caption.',
  },
};

/** In the order the composer offers them. */
export const platforms: readonly Platform[] = [
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
];

export const xLinkWeight = 23;

// A link runs from http(s):// to the next space, without the punctuation that ends a sentence after it (as XText.Link).
const link = /https?:\/\/\S+?(?=[.,!?;:)\]'"]*(?:\s|$))/gi;

/** Weight 1 for these code points (twitter-text's ranges), 2 for any other. */
function isLight(codePoint: number): boolean {
  return (
    codePoint <= 0x10ff ||
    (codePoint >= 0x2000 && codePoint <= 0x200d) ||
    (codePoint >= 0x2010 && codePoint <= 0x201f) ||
    (codePoint >= 0x2032 && codePoint <= 0x2037)
  );
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function charactersWeight(text: string): number {
  let total = 0;
  for (const { segment } of graphemes.segment(text)) total += isLight(segment.codePointAt(0)!) ? 1 : 2;
  return total;
}

/**
 * X's weighted length (twitter-text v3): in NFC, each link counts 23 whatever its length, each character (grapheme,
 * so an emoji sequence is one) counts 1 in Latin and the other scripts below U+1100, 2 otherwise (CJK, emoji).
 */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  let total = 0;
  let last = 0;
  for (const match of normalized.matchAll(link)) {
    total += charactersWeight(normalized.slice(last, match.index)) + xLinkWeight;
    last = match.index + match[0].length;
  }
  return total + charactersWeight(normalized.slice(last));
}

/** Code points, as the other networks count: an emoji is one character, not two UTF-16 units. */
export function codePointLength(text: string): number {
  return [...text].length;
}

/** User-perceived characters (graphemes), as Bluesky's maxGraphemes counts: a family emoji or a flag is one. */
export function graphemeLength(text: string): number {
  let total = 0;
  for (const _ of graphemes.segment(text.normalize('NFC'))) total++;
  return total;
}

/** The text's length as `platform` counts it. The server trims the text first, so the counter does too. */
export function countText(platform: Platform, text: string): number {
  const trimmed = text.trim();
  if (platform === 'x') return xWeightedLength(trimmed);
  if (platform === 'youTube') return new TextEncoder().encode(trimmed).length;
  return platform === 'bluesky' ? graphemeLength(trimmed) : codePointLength(trimmed);
}

export interface TextCount {
  length: number;
  max: number;
  remaining: number;
  over: boolean;
}

export function measure(platform: Platform, text: string): TextCount {
  const length = countText(platform, text);
  const max = platformLimits[platform].maxLength;
  return { length, max, remaining: max - length, over: length > max };
}
