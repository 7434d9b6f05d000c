import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import { PartStates } from './PartStates';
import { post } from './testData';
import type { ContentItem } from './types';

const switches = { disableComment: false, disableDuet: false, disableStitch: false };

function published(overrides: Partial<ContentItem> = {}): ContentItem {
  return post({
    state: 'published',
    variants: [
      {
        platform: 'x',
        text: 'One.',
        mediaAssetIds: [],
        options: { ...switches, thread: ['Two.', 'Three.'], firstComment: 'Link below' },
      },
      { platform: 'linkedIn', text: 'Post', mediaAssetIds: [], options: { ...switches, firstComment: 'Link: acme.example' } },
    ],
    parts: [
      {
        platform: 'x',
        kind: 'post',
        part: 1,
        outcome: 'Published',
        platformPostId: '101',
        error: null,
        at: '2026-10-24T07:00:00Z',
      },
      {
        platform: 'x',
        kind: 'threadPart',
        part: 2,
        outcome: 'Published',
        platformPostId: '102',
        error: null,
        at: '2026-10-24T07:00:01Z',
      },
      {
        platform: 'x',
        kind: 'threadPart',
        part: 3,
        outcome: 'RetryLater',
        platformPostId: null,
        error: 'X is unavailable (503).',
        at: '2026-10-24T07:00:02Z',
      },
      {
        platform: 'linkedIn',
        kind: 'post',
        part: 1,
        outcome: 'Published',
        platformPostId: 'urn:li:share:1',
        error: null,
        at: '2026-10-24T07:00:00Z',
      },
      {
        platform: 'linkedIn',
        kind: 'firstComment',
        part: 1,
        outcome: 'Rejected',
        platformPostId: null,
        error: 'LinkedIn refused the comment: the post is not visible.',
        at: '2026-10-24T07:00:03Z',
      },
    ],
    ...overrides,
  });
}

function show(item: ContentItem, platform: 'x' | 'linkedIn', role = 'editor') {
  sessionStore.set(authResponse({ role }));
  const variant = item.variants.find((v) => v.platform === platform)!;
  return renderPage(<PartStates item={item} variant={variant} canWrite={role !== 'viewer'} />);
}

describe('PartStates', () => {
  it('shows each thread part in words with the network’s id, the reason of a failure, and what still waits', () => {
    show(published(), 'x');
    const lines = screen.getAllByTestId('part-state').map((line) => line.textContent);
    expect(lines[0]).toContain('Part 1 of 3: Published');
    expect(lines[0]).toContain('101');
    expect(lines[1]).toContain('Two.');
    expect(lines[2]).toContain('Part 3 of 3: Will try again');
    expect(lines[2]).toContain('X is unavailable (503).');
    expect(lines[3]).toContain('First comment: Waiting');
    expect(screen.queryByText(/RetryLater|threadPart/)).toBeNull();
  });

  it('offers to send a refused first comment again, and sends it', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const request = input instanceof Request ? input : new Request(input);
        calls.push(`${request.method} ${new URL(request.url).pathname}`);
        return json(published({ state: 'scheduled' }));
      }),
    );
    show(published(), 'linkedIn');
    expect(screen.getByText('Refused by the network')).toBeInTheDocument();
    expect(screen.getByText('LinkedIn refused the comment: the post is not visible.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send the first comment again' }));
    await waitFor(() =>
      expect(calls).toContain('POST /api/v1/automation/content/0192a7c4-0000-7000-8000-000000000001/first-comments/retry'),
    );
  });

  it('offers nothing to a viewer, nor for a post without follow-ups', () => {
    show(published(), 'linkedIn', 'viewer');
    expect(screen.queryByRole('button', { name: 'Send the first comment again' })).toBeNull();
  });
});
