import { contentStateLabels as stateLabels } from '../../lib/labels';
import type { Platform } from './limits';
import type { ContentItem, ContentState, PlatformResult } from './types';

export { contentStateLabels as stateLabels, contentStateTones as stateTones } from '../../lib/labels';

export const states = Object.keys(stateLabels) as ContentState[];

/** Two letters on the calendar's chips, the full name for screen readers and tooltips. */
export const platformShort: Record<Platform, string> = {
  linkedIn: 'in',
  instagram: 'IG',
  facebook: 'f',
  x: 'X',
  googleBusiness: 'G',
  bluesky: 'B',
  threads: 'Th',
  pinterest: 'P',
  youTube: 'YT',
  tikTok: 'TT',
};

/** A scheduled post can be moved; a draft can get another planned time. Others stay where they happened. */
export function canMove(item: ContentItem): boolean {
  return item.state === 'scheduled' || item.state === 'draft';
}

export function canCancel(item: ContentItem): boolean {
  return !['publishing', 'published', 'cancelled'].includes(item.state);
}

export function canEdit(item: ContentItem): boolean {
  return !['scheduled', 'publishing', 'published'].includes(item.state);
}

/** Publish now takes what scheduling takes: a post that waits, or one that failed or was cancelled. */
export function canPublishNow(item: ContentItem, approvalRequired: boolean): boolean {
  if (item.state === 'draft' || item.state === 'inReview') return !approvalRequired;
  return ['approved', 'scheduled', 'failed', 'cancelled', 'unconfirmed'].includes(item.state);
}

/** Where the published post can be seen, when its network has a public address for the id it returned. */
export function postUrl(result: PlatformResult): string | null {
  const id = result.platformPostId;
  if (!id || result.outcome.toLowerCase() !== 'published') return null;
  switch (result.platform) {
    case 'linkedIn':
      return id.startsWith('urn:li:') ? `https://www.linkedin.com/feed/update/${encodeURIComponent(id)}/` : null;
    case 'x':
      return /^\d+$/.test(id) ? `https://x.com/i/web/status/${id}` : null;
    case 'facebook':
      return `https://www.facebook.com/${encodeURIComponent(id)}`;
    case 'bluesky': {
      // at://{did}/app.bsky.feed.post/{rkey} is shown at bsky.app/profile/{did}/post/{rkey}.
      const at = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(id);
      return at ? `https://bsky.app/profile/${at[1]}/post/${at[2]}` : null;
    }
    case 'youTube':
      return /^[\w-]{6,20}$/.test(id) ? `https://www.youtube.com/watch?v=${id}` : null;
    case 'pinterest':
      return /^\d+$/.test(id) ? `https://www.pinterest.com/pin/${id}/` : null;
    default:
      return null;
  }
}
