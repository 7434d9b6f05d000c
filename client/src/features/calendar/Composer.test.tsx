import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import { Composer } from './Composer';
import { post } from './testData';

interface Sent {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

/** The API as the composer meets it: brands, files, and `answer` for every write. */
function serve(answer: (request: Sent) => Response, brands: unknown[] = [], networks?: unknown[]) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (request.method === 'GET') {
        if (path === '/api/v1/companies') return json(brands);
        if (path === '/api/v1/assets') return json({ items: [], page: 1, pageSize: 100, total: 0 });
        if (path === '/api/v1/social/networks' && networks) return json(networks);
        return json({}, 404);
      }
      // The brand check beside the text finds nothing here (its own tests are in features/brandGuard).
      if (path === '/api/v1/brand-guard/check')
        return json({ variants: [], blocking: false, offline: true, method: '', ruleCount: 0 });
      const text = await request.text();
      const call = { method: request.method, path, body: text ? JSON.parse(text) : undefined, headers: request.headers };
      sent.push(call);
      return answer(call);
    }),
  );
  return sent;
}

function open() {
  sessionStore.set(authResponse({ role: 'editor' }));
  return renderPage(
    <Composer open onClose={() => {}} timeZone="Europe/Berlin" approvalRequired={false} defaultAt="2026-10-24T09:00" />,
  );
}

async function chooseX(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('checkbox', { name: 'X' }));
}

const network = (platform: string, name: string, connected: boolean, configured = true) => ({
  platform,
  name,
  configured,
  connected,
  unavailableReason: configured ? null : `This server has no app registered with ${name}, so accounts cannot be connected here.`,
  accounts: connected
    ? [{ id: `${platform}-1`, companyId: null, displayName: `Harbour Bakery on ${name}`, health: 'ok', canPublish: true }]
    : [],
});

describe('Composer', () => {
  it('counts as each network counts: X weighs links 23 and emoji 2, LinkedIn counts code points', async () => {
    serve(() => json({}, 500));
    open();
    const user = userEvent.setup();
    await chooseX(user);

    await user.click(screen.getByLabelText('Text'));
    await user.paste('New trail shoes 😀 https://northwind.example/spring/collection/trail-shoes');

    // "New trail shoes " 16 + emoji 2 + space 1 + link 23 = 42 on X; 73 code points on LinkedIn.
    expect(screen.getByTestId('counter-x')).toHaveTextContent('X 42 / 280');
    expect(screen.getByTestId('counter-linkedIn')).toHaveTextContent('LinkedIn 73 / 3,000');
    expect(within(screen.getByRole('article', { name: 'LinkedIn preview' })).getByText(/New trail shoes/)).toBeInTheDocument();
  });

  it('shows a text over X’s limit and blocks saving it, without asking the server', async () => {
    const sent = serve(() => json({}, 500));
    open();
    const user = userEvent.setup();
    await chooseX(user);
    await user.type(screen.getByLabelText('Title'), 'Launch');

    await user.click(screen.getByLabelText('Text'));
    await user.paste('a'.repeat(279) + '😀');

    expect(screen.getByTestId('counter-x')).toHaveTextContent('X 281 / 280');
    expect(screen.getByTestId('counter-x')).toHaveTextContent('1 over the limit');
    expect(screen.getByTestId('counter-linkedIn')).toHaveTextContent('LinkedIn 280 / 3,000');
    expect(screen.getByRole('button', { name: 'Schedule' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(sent).toEqual([]);

    // One character less fits.
    await user.clear(screen.getByLabelText('Text'));
    await user.paste('a'.repeat(278) + '😀');
    expect(screen.getByTestId('counter-x')).toHaveTextContent('X 280 / 280');
    expect(screen.getByRole('button', { name: 'Schedule' })).toBeEnabled();
  });

  it('puts the server’s error on variants[1].text under the text for that network, and retries on the same post', async () => {
    const created = post({ id: 'p1', state: 'draft' });
    let scheduleCalls = 0;
    const sent = serve((call) => {
      if (call.path === '/api/v1/content' && call.method === 'POST') return json(created, 201);
      if (call.path === '/api/v1/content/p1' && call.method === 'PUT') return json(created);
      if (call.path === '/api/v1/automation/schedule-content') {
        scheduleCalls++;
        return scheduleCalls === 1
          ? problem(400, { errors: { 'variants[1].text': ['X refuses this text: it is a duplicate of a recent post.'] } })
          : json([{ ...created, state: 'scheduled' }]);
      }
      return json({}, 404);
    });
    const onClose = vi.fn();
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(
      <Composer open onClose={onClose} timeZone="Europe/Berlin" approvalRequired={false} defaultAt="2026-10-24T09:00" />,
    );
    const user = userEvent.setup();
    await chooseX(user);
    await user.type(screen.getByLabelText('Title'), 'Launch');
    await user.click(screen.getByLabelText('Same text for all networks'));
    await user.type(screen.getByLabelText('Text for LinkedIn'), 'Long form for LinkedIn');
    await user.type(screen.getByLabelText('Text for X'), 'Short for X');

    await user.click(screen.getByRole('button', { name: 'Schedule' }));

    const xText = screen.getByLabelText('Text for X');
    expect(await screen.findByText('X refuses this text: it is a duplicate of a recent post.')).toBeInTheDocument();
    expect(xText).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Text for LinkedIn')).not.toHaveAttribute('aria-invalid');
    expect(onClose).not.toHaveBeenCalled();

    const created1 = sent[0]!;
    expect(created1).toMatchObject({
      method: 'POST',
      path: '/api/v1/content',
      body: {
        title: 'Launch',
        at: '2026-10-24T09:00',
        variants: [
          { platform: 'linkedIn', text: 'Long form for LinkedIn' },
          { platform: 'x', text: 'Short for X' },
        ],
      },
    });
    expect(sent[1]).toMatchObject({
      path: '/api/v1/automation/schedule-content',
      body: { items: [{ id: 'p1', at: '2026-10-24T09:00' }] },
    });
    expect(sent[1]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);

    await user.clear(xText);
    await user.type(xText, 'Fresh words for X');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    // The post made on the first try is updated, not made again.
    expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /api/v1/content',
      'POST /api/v1/automation/schedule-content',
      'PUT /api/v1/content/p1',
      'POST /api/v1/automation/schedule-content',
    ]);
  });

  it('offers approval instead of scheduling when the workspace requires it', async () => {
    const sent = serve((call) =>
      call.path.endsWith('/submit') ? json(post({ id: 'p2', state: 'inReview' })) : json(post({ id: 'p2', state: 'draft' }), 201),
    );
    const onClose = vi.fn();
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(<Composer open onClose={onClose} timeZone="Europe/Berlin" approvalRequired defaultAt="2026-10-24T09:00" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Needs review');
    await user.type(screen.getByLabelText('Text'), 'Hello');

    expect(screen.queryByRole('button', { name: 'Schedule' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit for approval' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v1/content', 'POST /api/v1/content/p2/submit']);
  });

  it('drafts each network’s text with AI for the chosen brand and topic', async () => {
    const brand = { id: 'b1', name: 'Harbour Bakery', createdAt: '2026-10-01T00:00:00Z', updatedAt: '2026-10-01T00:00:00Z' };
    const sent = serve(
      () =>
        json({
          companyId: 'b1',
          topic: 'Croissant week',
          platforms: [
            {
              platform: 'linkedIn',
              displayName: 'LinkedIn',
              maxLength: 3000,
              drafts: [{ text: 'All week: croissants.', length: 21, shortened: false }],
            },
            {
              platform: 'x',
              displayName: 'X',
              maxLength: 280,
              drafts: [{ text: 'Croissants 🥐 all week…', length: 22, shortened: true }],
            },
          ],
          source: { provider: 'offline', model: 'offline', cached: false },
        }),
      [brand],
    );
    open();
    const user = userEvent.setup();
    await chooseX(user);
    await user.selectOptions(
      await screen.findByLabelText(/Brand/),
      await screen.findByRole('option', { name: 'Harbour Bakery' }),
    );
    await user.type(screen.getByLabelText(/Topic for an AI draft/), 'Croissant week');
    await user.click(screen.getByRole('button', { name: 'AI draft' }));

    expect(await screen.findByText('Drafted. Shortened to fit: X. Edit before saving.')).toBeInTheDocument();
    expect(sent).toEqual([
      expect.objectContaining({
        path: '/api/v1/ai/generate-posts',
        body: { companyId: 'b1', platforms: ['linkedIn', 'x'], topic: 'Croissant week', count: 1 },
      }),
    ]);
    expect(screen.getByLabelText('Text for LinkedIn')).toHaveValue('All week: croissants.');
    expect(screen.getByLabelText('Text for X')).toHaveValue('Croissants 🥐 all week…');
    expect(screen.getByLabelText('Title')).toHaveValue('Croissant week');
    expect(screen.getByTestId('counter-x')).toHaveTextContent('X 24 / 280'); // the ellipsis weighs 2 on X
  });

  it('offers only the networks with a working account, says how to connect the others, and shows a refusal naming one', async () => {
    const created = post({ id: 'p9', state: 'draft' });
    serve(
      (call) => {
        if (call.path === '/api/v1/content' && call.method === 'POST') return json(created, 201);
        if (call.path === '/api/v1/automation/schedule-content') {
          return problem(400, {
            errors: {
              'variants[0].platform': [
                'LinkedIn is not connected: connect a LinkedIn account, or take it off this post, to schedule it.',
              ],
            },
          });
        }
        return json({}, 404);
      },
      [],
      [
        network('linkedIn', 'LinkedIn', false),
        network('instagram', 'Instagram', false, false),
        network('facebook', 'Facebook', false),
        network('x', 'X', true),
        network('googleBusiness', 'Google Business Profile', false, false),
      ],
    );
    sessionStore.set(authResponse({ role: 'admin' }));
    renderPage(
      <Composer open onClose={() => {}} timeZone="Europe/Berlin" approvalRequired={false} defaultAt="2026-10-24T09:00" />,
    );

    // A new post starts on the connected network, showing the account it goes out through.
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'X' })).toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'LinkedIn' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'LinkedIn' })).toBeDisabled();
    expect(screen.getByText('Harbour Bakery on X')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connect LinkedIn' })).toHaveAttribute('href', '/app/automation/connections');
    expect(screen.getByRole('checkbox', { name: 'Instagram' })).toHaveAccessibleDescription('Not available on this server.');
    // Why, once for all of them (the API tells admins only).
    expect(
      screen.getByText(/^Instagram and Google Business Profile are not available: this server has no app registered/),
    ).toBeInTheDocument();

    // The server still decides: its refusal naming a network is shown at the networks.
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Launch');
    await user.type(screen.getByLabelText('Text'), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText(/^LinkedIn is not connected: connect a LinkedIn account/)).toBeInTheDocument();
  });
});
