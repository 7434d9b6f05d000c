import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import CalendarPage from './CalendarPage';
import { dataTransfer, post } from './testData';
import type { ContentItem } from './types';

interface Sent {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

function serve(items: ContentItem[], answer: (call: Sent) => Response | Promise<Response> = () => json({}, 404)) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const call = { method: request.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined };
      sent.push(call);
      if (request.method === 'GET') {
        if (url.pathname === '/api/v1/content/settings') return json({ approvalRequired: false, timeZone: 'Europe/Berlin' });
        if (url.pathname === '/api/v1/content') {
          return json({ items, page: 1, pageSize: 500, total: items.length, timeZone: 'Europe/Berlin' });
        }
        return json({}, 404);
      }
      return answer(call);
    }),
  );
  return sent;
}

function show(url: string, role = 'editor') {
  sessionStore.set(authResponse({ role }));
  return renderPage(<CalendarPage />, { path: '/app/calendar', url });
}

const dayCell = (container: HTMLElement, day: string) => container.querySelector<HTMLElement>(`[data-day="${day}"]`)!;

async function drag(chip: HTMLElement, target: HTMLElement) {
  const transfer = dataTransfer();
  fireEvent.dragStart(chip, { dataTransfer: transfer });
  fireEvent.dragEnter(target, { dataTransfer: transfer });
  fireEvent.dragOver(target, { dataTransfer: transfer });
  fireEvent.drop(target, { dataTransfer: transfer });
  fireEvent.dragEnd(chip, { dataTransfer: transfer });
}

describe('CalendarPage', () => {
  it('shows the month of the address, with each post on its day in the workspace’s time zone', async () => {
    const sent = serve([post()]);
    const { container } = show('/app/calendar?view=month&date=2026-10-12');

    const chip = await screen.findByRole('button', { name: /Spring launch/ });
    expect(dayCell(container, '2026-10-24')).toContainElement(chip);
    expect(chip).toHaveAccessibleName(/^09:00\s*,\s*Spring launch\s*,\s*Scheduled\s*,\s*LinkedIn, X$/);
    // Monday 28 September to Sunday 8 November: the six weeks shown.
    expect(sent.find((call) => call.path === '/api/v1/content')?.search).toContain('from=2026-09-28&to=2026-11-09');
  });

  it('dropping a post on another day reschedules it at the same local time', async () => {
    const moved = post({ scheduledLocal: '2026-10-27T09:00:00+01:00', scheduledAt: '2026-10-27T08:00:00Z' });
    let answer: (response: Response) => void = () => {};
    const sent = serve([post()], (call) =>
      call.path.endsWith('/reschedule') ? new Promise<Response>((resolve) => (answer = resolve)) : json({}, 404),
    );
    const { container } = show('/app/calendar?view=month&date=2026-10-12');
    const chip = await screen.findByRole('button', { name: /Spring launch/ });

    await drag(chip, dayCell(container, '2026-10-27'));

    // Shown on the new day before the server answers.
    expect(await within(dayCell(container, '2026-10-27')).findByRole('button', { name: /Spring launch/ })).toBeInTheDocument();
    expect(within(dayCell(container, '2026-10-24')).queryByRole('button', { name: /Spring launch/ })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(sent.filter((call) => call.method === 'POST')).toEqual([
        expect.objectContaining({
          path: `/api/v1/automation/content/${post().id}/reschedule`,
          body: { at: '2026-10-27T09:00' },
        }),
      ]),
    );
    answer(json(moved));
    await waitFor(() =>
      expect(within(dayCell(container, '2026-10-27')).getByRole('button', { name: /Spring launch/ })).toBeInTheDocument(),
    );
  });

  it('puts the post back and shows the server’s reason when the move is refused', async () => {
    serve([post()], () =>
      problem(400, {
        title: 'Bad request',
        detail: 'Choose a time in the future.',
        errors: { at: ['Choose a time in the future.'] },
      }),
    );
    const { container } = show('/app/calendar?view=month&date=2026-10-12');
    const chip = await screen.findByRole('button', { name: /Spring launch/ });

    await drag(chip, dayCell(container, '2026-10-02'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Spring launch” could not be moved: Choose a time in the future.',
    );
    expect(within(dayCell(container, '2026-10-24')).getByRole('button', { name: /Spring launch/ })).toBeInTheDocument();
    expect(within(dayCell(container, '2026-10-02')).queryByRole('button', { name: /Spring launch/ })).not.toBeInTheDocument();
  });

  it('warns in the post’s details when a network it goes to has a connection about to expire', async () => {
    serve([
      post({
        connectionWarnings: [
          {
            connectionId: 'c1',
            platform: 'x',
            displayName: 'Acme on X',
            health: 'expiring',
            expiresAt: '2026-10-22T07:00:00Z',
            message: 'The X connection Acme on X expires on 22 October.',
            action: 'Reconnect X',
          },
        ],
      }),
    ]);
    show('/app/calendar?view=month&date=2026-10-12');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /Spring launch/ }));
    const dialog = screen.getByRole('dialog', { name: 'Spring launch' });

    expect(within(dialog).getByText('This post may not go out')).toBeInTheDocument();
    expect(within(dialog).getByText(/The X connection Acme on X expires/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Reconnect X' })).toHaveAttribute('href', '/app/automation/connections');
  });

  it('moves a post with the keyboard through “Move to…”', async () => {
    const sent = serve([post()], (call) =>
      json(post({ scheduledLocal: '2026-10-25T18:30:00+01:00' }), call.method === 'POST' ? 200 : 404),
    );
    show('/app/calendar?view=month&date=2026-10-12');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /Spring launch/ }));
    const dialog = screen.getByRole('dialog', { name: 'Spring launch' });
    const field = within(dialog).getByLabelText('Move to (Europe/Berlin)');
    await user.clear(field);
    await user.type(field, '2026-10-25T18:30');
    await user.click(within(dialog).getByRole('button', { name: 'Move' }));

    await waitFor(() =>
      expect(sent.find((call) => call.method === 'POST')).toMatchObject({
        path: expect.stringMatching(/\/reschedule$/),
        body: { at: '2026-10-25T18:30' },
      }),
    );
  });

  it('switches between month, week and list, keeping the view in the address', async () => {
    const sent = serve([
      post(),
      post({ id: 'p-draft', title: 'Unplanned idea', state: 'draft', scheduledAt: null, scheduledLocal: null }),
    ]);
    const { router, container } = show('/app/calendar?date=2026-10-24');
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /Spring launch/ });
    expect(screen.getByRole('radio', { name: 'Month' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Week' }));
    await waitFor(() => expect(router.state.location.search).toContain('view=week'));
    expect(container.querySelectorAll('[data-day]')).toHaveLength(7);
    expect(dayCell(container, '2026-10-19')).toBeInTheDocument();
    await waitFor(() => expect(sent.some((call) => call.search.includes('from=2026-10-19&to=2026-10-26'))).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() => expect(router.state.location.search).toContain('date=2026-10-31'));

    await user.click(screen.getByRole('radio', { name: 'List' }));
    await waitFor(() => expect(router.state.location.search).toContain('view=list'));
    expect(await screen.findByRole('heading', { name: 'No time yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Unplanned idea/ })).toBeInTheDocument();
    expect(sent.some((call) => call.path === '/api/v1/content' && !call.search.includes('from='))).toBe(true);
  });

  it('puts each post in its hour of the week and moves it to the hour it is dropped on, or an hour with Alt and an arrow', async () => {
    const at = (local: string) => post({ scheduledLocal: `${local}:00+01:00` });
    // The server keeps the post where it was last moved to: a refetch shows it there.
    const items = [post({ scheduledLocal: '2026-10-27T09:30:00+01:00' })];
    const sent = serve(items, (call) => {
      if (!call.path.endsWith('/reschedule')) return json({}, 404);
      items[0] = at((call.body as { at: string }).at);
      return json(items[0]);
    });
    const { container } = show('/app/calendar?view=week&date=2026-10-27');
    const slot = (local: string) => container.querySelector<HTMLElement>(`[data-slot="${local}"]`)!;
    await waitFor(() => expect(slot('2026-10-27T09:00')).not.toBeNull());
    const chip = await within(slot('2026-10-27T09:00')).findByRole('button', { name: /Spring launch/ });

    await drag(chip, slot('2026-10-29T14:00'));
    expect(await within(slot('2026-10-29T14:00')).findByRole('button', { name: /Spring launch/ })).toBeInTheDocument();
    await waitFor(() =>
      expect(sent.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([{ at: '2026-10-29T14:00' }]),
    );

    const moved = await within(slot('2026-10-29T14:00')).findByRole('button', { name: /Spring launch/ });
    moved.focus();
    fireEvent.keyDown(moved, { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(sent.filter((call) => call.method === 'POST').at(-1)?.body).toEqual({ at: '2026-10-29T15:00' }));
    expect(await within(slot('2026-10-29T15:00')).findByRole('button', { name: /Spring launch/ })).toBeInTheDocument();
    expect(await screen.findByText('“Spring launch” moved to', { exact: false })).toBeInTheDocument();
  });

  it('marks the hour the clocks skip on the day summer time starts, where nothing can be dropped', async () => {
    serve([]);
    const { container } = show('/app/calendar?view=day&date=2027-03-28');
    await screen.findByRole('heading', { name: /2027/ });
    await waitFor(() => expect(container.querySelector('[data-slot="2027-03-28T02:00"]')).not.toBeNull());
    const skipped = container.querySelector<HTMLElement>('[data-slot="2027-03-28T02:00"]')!;
    expect(skipped).toHaveAccessibleName(/skipped: the clocks go forward/);
    expect(container.querySelectorAll('[data-slot]')).toHaveLength(24);
  });

  it('does not let a viewer drag posts or write new ones', async () => {
    serve([post()]);
    show('/app/calendar?view=month&date=2026-10-12', 'viewer');
    const chip = await screen.findByRole('button', { name: /Spring launch/ });
    expect(chip).toHaveAttribute('draggable', 'false');
    expect(screen.queryByRole('button', { name: 'New post' })).not.toBeInTheDocument();
  });
});
