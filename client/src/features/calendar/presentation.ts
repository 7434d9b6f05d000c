import type { Platform } from './limits';
import type { ContentItem, ContentState, PlatformResult } from './types';

type Tone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

export const stateLabels: Record<ContentState, string> = {
  draft: 'Draft',
  inReview: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  failed: 'Failed',
  unconfirmed: 'Unconfirmed',
  cancelled: 'Cancelled',
};

export const stateTones: Record<ContentState, Tone> = {
  draft: 'neutral',
  inReview: 'warning',
  approved: 'primary',
  scheduled: 'primary',
  publishing: 'primary',
  published: 'success',
  failed: 'danger',
  unconfirmed: 'warning',
  cancelled: 'neutral',
};

export const states = Object.keys(stateLabels) as ContentState[];

/** Two letters on the calendar's chips, the full name for screen readers and tooltips. */
export const platformShort: Record<Platform, string> = {
  linkedIn: 'in',
  instagram: 'IG',
  facebook: 'f',
  x: 'X',
  googleBusiness: 'G',
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
    default:
      return null;
  }
}
