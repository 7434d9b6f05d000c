import type { ApiScope } from './api';

/** Every permission a key can hold, in the order the form offers them, with words a marketer reads. */
export const scopes: readonly { value: ApiScope; label: string; description: string }[] = [
  { value: 'contentRead', label: 'Read content', description: 'Brands, posts, the calendar, connected accounts and tasks.' },
  { value: 'contentWrite', label: 'Write content', description: 'Create, change and delete brands and posts.' },
  { value: 'publish', label: 'Publish', description: 'Schedule, move, cancel and publish posts.' },
  { value: 'assets', label: 'Assets', description: 'Upload, find and manage brand files.' },
  { value: 'analytics', label: 'Analytics', description: 'Read the dashboard’s figures.' },
  { value: 'ai', label: 'AI', description: 'Use the strategist and drafting (counts against the plan’s AI quota).' },
];

export function scopeLabel(value: ApiScope): string {
  return scopes.find((scope) => scope.value === value)?.label ?? 'Other';
}

export const expiryChoices = [
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
  { value: 'never', label: 'Never' },
] as const;
