import type { ContentItem } from './types';

/** A post as the API returns it, for component tests. */
export function post(overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id: '0192a7c4-0000-7000-8000-000000000001',
    companyId: null,
    title: 'Spring launch',
    variants: [
      { platform: 'linkedIn', text: 'Our spring range is here.', mediaAssetIds: [] },
      { platform: 'x', text: 'Spring is here.', mediaAssetIds: [] },
    ],
    state: 'scheduled',
    scheduledAt: '2026-10-24T07:00:00Z',
    scheduledLocal: '2026-10-24T09:00:00+02:00',
    timeZone: 'Europe/Berlin',
    nextAttemptAt: '2026-10-24T07:00:00Z',
    reviewComment: null,
    submittedAt: null,
    approvedAt: null,
    lastError: null,
    publishedAt: null,
    results: [],
    connectionWarnings: [],
    createdBy: 'u1',
    createdAt: '2026-10-01T10:00:00Z',
    updatedAt: '2026-10-01T10:00:00Z',
    ...overrides,
  };
}

/** Enough of the browser's DataTransfer for drag-and-drop in jsdom. */
export function dataTransfer() {
  const data = new Map<string, string>();
  return {
    dropEffect: 'none',
    effectAllowed: 'all',
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
  };
}
