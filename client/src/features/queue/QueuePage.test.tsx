import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import { formatLocal } from './api';
import QueuePage from './QueuePage';

function serveQueue() {
  const sent: { path: string; body: unknown }[] = [];
  let slots = [{ id: 's1', companyId: null, platform: 'linkedIn', day: 'sunday', time: '09:00' }];
  let entries = [
    { at: '2027-03-21T08:00:00Z', local: '2027-03-21T09:00:00+01:00', isSlot: true, postId: 'p1', title: 'Week one' },
    { at: '2027-03-28T07:00:00Z', local: '2027-03-28T09:00:00+02:00', isSlot: true, postId: 'p2', title: 'Week two' },
    { at: '2027-04-04T07:00:00Z', local: '2027-04-04T09:00:00+02:00', isSlot: true, postId: null, title: null },
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/companies') return json([]);
      if (path === '/api/v1/queue/slots' && request.method === 'GET')
        return json({ companyId: null, timeZone: 'Europe/Berlin', slots });
      if (path === '/api/v1/queue/slots' && request.method === 'PUT') {
        const body = (await request.json()) as { slots: { day: string; time: string }[] };
        sent.push({ path, body });
        slots = body.slots.map((slot, i) => ({ id: `n${i}`, companyId: null, platform: 'linkedIn', ...slot }));
        return json({ companyId: null, timeZone: 'Europe/Berlin', slots });
      }
      if (path === '/api/v1/queue' && request.method === 'GET')
        return json({ companyId: null, platform: 'linkedIn', timeZone: 'Europe/Berlin', entries });
      if (path === '/api/v1/queue/reorder') {
        const body = (await request.json()) as { postIds: string[] };
        sent.push({ path, body });
        entries = [
          { ...entries[0]!, postId: 'p2', title: 'Week two' },
          { ...entries[1]!, postId: 'p1', title: 'Week one' },
          entries[2]!,
        ];
        return json({ companyId: null, platform: 'linkedIn', timeZone: 'Europe/Berlin', entries });
      }
      return json({}, 404);
    }),
  );
  return sent;
}

describe('QueuePage', () => {
  it('saves the posting times for a network in the workspace’s zone', async () => {
    sessionStore.set(authResponse({ role: 'editor' }));
    const sent = serveQueue();
    renderPage(<QueuePage />);
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'Posting times for LinkedIn' });
    expect(within(form).getByLabelText('Day 1')).toHaveValue('sunday');
    await user.click(within(form).getByRole('button', { name: 'Add a time' }));
    await user.selectOptions(within(form).getByLabelText('Day 2'), 'tuesday');
    const time = within(form).getByLabelText('Time 2 (Europe/Berlin)');
    await user.clear(time);
    await user.type(time, '17:30');
    await user.click(within(form).getByRole('button', { name: 'Save times for LinkedIn' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toEqual({
      companyId: null,
      platform: 'linkedIn',
      slots: [
        { day: 'sunday', time: '09:00' },
        { day: 'tuesday', time: '17:30' },
      ],
    });
  });

  it('shows the queue by wall-clock time and moves a post earlier', async () => {
    sessionStore.set(authResponse({ role: 'editor' }));
    const sent = serveQueue();
    renderPage(<QueuePage />);
    const user = userEvent.setup();

    const queue = await screen.findByRole('list', { name: 'Queue for LinkedIn' });
    await within(queue).findByText('Week two');
    expect(queue).toHaveTextContent('Sun 28 Mar 2027, 09:00');
    expect(queue).toHaveTextContent('Free');
    await user.click(within(queue).getByRole('button', { name: 'Move “Week two” earlier' }));

    await waitFor(() =>
      expect(sent.find((s) => s.path === '/api/v1/queue/reorder')?.body).toEqual({
        companyId: null,
        platform: 'linkedIn',
        postIds: ['p2', 'p1'],
      }),
    );
  });

  it('writes an instant as the wall-clock time the server gives, not the browser’s', () => {
    expect(formatLocal('2026-10-25T02:30:00+02:00')).toBe('Sun 25 Oct 2026, 02:30');
  });
});
