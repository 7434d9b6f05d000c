import type { components } from '../api/schema.gen';

/**
 * The words users see for every state and enum the API returns, in one place. A page never prints an API value
 * directly: it looks it up here, so a new value is named once and a journey check fails if one slips through.
 */
type Schemas = components['schemas'];
export type SocialPlatform = Schemas['SocialPlatform'];
export type ContentState = Schemas['ContentState'];
export type AutomationTaskState = Schemas['AutomationTaskState'];
export type PublishOutcome = Schemas['PublishOutcome'];
export type ConnectionHealth = Schemas['ConnectionHealth'];
export type ConnectionStatus = Schemas['ConnectionStatus'];
export type LocationCreationState = Schemas['LocationCreationState'];
export type LocationVerificationState = Schemas['LocationVerificationState'];
export type SubscriptionStatus = Schemas['SubscriptionStatus'];
export type PlanAccess = Schemas['PlanAccess'];
export type TenantRole = Schemas['TenantRole'];
export type ChatMessageState = Schemas['ChatMessageState'];
export type Tone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

export const platformLabels: Record<SocialPlatform, string> = {
  linkedIn: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  googleBusiness: 'Google Business Profile',
  bluesky: 'Bluesky',
  threads: 'Threads',
  pinterest: 'Pinterest',
  youTube: 'YouTube',
  tikTok: 'TikTok',
};

export const contentStateLabels: Record<ContentState, string> = {
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

export const contentStateTones: Record<ContentState, Tone> = {
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

export const automationTaskStateLabels: Record<AutomationTaskState, string> = {
  running: 'Running',
  succeeded: 'Done',
  retrying: 'Trying again',
  failed: 'Failed',
  unconfirmed: 'Not confirmed',
  waitingForUser: 'Needs your action',
};

export const automationTaskStateTones: Record<AutomationTaskState, Tone> = {
  running: 'primary',
  succeeded: 'success',
  retrying: 'warning',
  failed: 'danger',
  unconfirmed: 'warning',
  waitingForUser: 'warning',
};

export const publishOutcomeLabels: Record<PublishOutcome, string> = {
  sending: 'Sending',
  published: 'Published',
  retryLater: 'Will try again',
  unauthorized: 'Access refused: reconnect the account',
  rejected: 'Refused by the network',
  unconfirmed: 'Not confirmed by the network',
};

export const connectionHealthLabels: Record<ConnectionHealth, string> = {
  ok: 'Healthy',
  expiring: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
  invalid: 'Needs reconnecting',
  notConnected: 'Not connected',
};

export const connectionStatusLabels: Record<ConnectionStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  needsReconnect: 'Needs reconnecting',
};

export const locationCreationLabels: Record<LocationCreationState, string> = {
  pending: 'Not sent yet',
  validated: 'Validated',
  unconfirmed: 'Answer lost: send again',
  created: 'Created',
  rejected: 'Refused by Google',
};

export const locationVerificationLabels: Record<LocationVerificationState, string> = {
  unknown: 'Not checked yet',
  verified: 'Verified',
  pendingVerification: 'Verification pending',
  verificationRequired: 'Needs verification',
  underReview: 'Under review',
  ownershipConflict: 'Ownership conflict',
  guidelinesIssue: 'Guidelines issue',
};

export const subscriptionStatusLabels: Record<SubscriptionStatus, string> = {
  none: 'No subscription',
  incomplete: 'Payment not finished',
  incompleteExpired: 'Payment never finished',
  trialing: 'Trial',
  active: 'Active',
  pastDue: 'Payment overdue',
  unpaid: 'Unpaid',
  canceled: 'Cancelled',
  paused: 'Paused',
};

export const planAccessLabels: Record<PlanAccess, string> = {
  selfHosted: 'Self-hosted',
  subscribed: 'Subscribed',
  pastDue: 'Payment overdue',
  locked: 'Locked',
};

export const roleLabels: Record<TenantRole, string> = {
  viewer: 'Viewer',
  editor: 'Editor',
  admin: 'Admin',
};

export const chatMessageStateLabels: Record<ChatMessageState, string> = {
  complete: 'Complete',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/**
 * The label of a value from one of the maps above; for a value the SPA does not know yet (a newer API), its words
 * ("retryLater" reads "Retry later") rather than the identifier.
 */
export function labelOf<T extends string>(labels: Record<T, string>, value: T | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return (labels as Record<string, string>)[value] ?? words(value);
}

/** "waitingForUser" -> "Waiting for user"; "needs_reconnect" -> "Needs reconnect". */
export function words(identifier: string): string {
  const spaced = identifier
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The company profile's fields, as a market finding names its basis. */
export const profileFieldLabels: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  industry: 'Industry',
  website: 'Website',
  targetAudience: 'Target audience',
  coreProblem: 'Problem you solve',
  brandVoice: 'Brand voice',
  vision: 'Vision',
  mission: 'Mission',
  values: 'Values',
  positioningStatement: 'Positioning statement',
};
