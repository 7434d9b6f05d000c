import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../../api';
import { authResponse, json, renderPage } from '../../../test/render';
import { Composer } from '../Composer';

const account = (platform: string, name: string) => ({
  platform,
  name,
  configured: true,
  connected: true,
  unavailableReason: null,
  accounts: [{ id: `${platform}-1`, companyId: null, displayName: `Harbour Bakery on ${name}`, health: 'ok', canPublish: true }],
});

/** The API as the composer meets it with Pinterest and TikTok connected; writes are recorded and answered 500. */
function serve() {
  const sent: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (request.method === 'GET') {
        if (path === '/api/v1/companies') return json([]);
        if (path === '/api/v1/assets') return json({ items: [], page: 1, pageSize: 100, total: 0 });
        if (path === '/api/v1/social/networks') return json([account('pinterest', 'Pinterest'), account('tikTok', 'TikTok')]);
        if (path === '/api/v1/social/connections/pinterest-1/pinterest-boards') {
          return json([
            { id: '549755885175', name: 'Bakes we love', description: null, privacy: 'PUBLIC' },
            { id: '549755885176', name: 'Shop interiors', description: null, privacy: 'SECRET' },
          ]);
        }
        if (path === '/api/v1/social/connections/tikTok-1/tiktok-creator') {
          return json({
            nickname: 'Harbour Bakery',
            username: 'harbourbakery',
            avatarUrl: null,
            privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'SELF_ONLY'],
            commentDisabled: false,
            duetDisabled: true,
            stitchDisabled: false,
            maxVideoPostDurationSeconds: 600,
          });
        }
        return json({}, 404);
      }
      if (path === '/api/v1/brand-guard/check')
        return json({ variants: [], blocking: false, offline: true, method: '', ruleCount: 0 });
      const text = await request.text();
      sent.push({ path, body: text ? JSON.parse(text) : undefined });
      return json({}, 500);
    }),
  );
  return sent;
}

describe('network options in the composer', () => {
  it('offers the Pinterest account’s boards and TikTok’s audiences in words, with none chosen, and blocks scheduling until chosen', async () => {
    const sent = serve();
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(
      <Composer open onClose={() => {}} timeZone="Europe/Berlin" approvalRequired={false} defaultAt="2026-10-24T09:00" />,
    );
    const user = userEvent.setup();
    // A new post starts on the first connected network (Pinterest); TikTok is added.
    const board = await screen.findByLabelText('Board');
    await user.click(screen.getByRole('checkbox', { name: 'TikTok' }));
    await user.type(screen.getByLabelText('Title'), 'Rye');
    await user.click(screen.getByLabelText('Text'));
    await user.paste('Rye sourdough');

    await within(board).findByRole('option', { name: 'Shop interiors (secret)' });
    expect(
      within(board)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose a board', 'Bakes we love', 'Shop interiors (secret)']);
    const audience = screen.getByLabelText('Who can see this video');
    await within(audience).findByRole('option', { name: 'Only me' });
    expect(audience).toHaveValue('');
    expect(screen.getByText('Posting as Harbour Bakery.')).toBeInTheDocument();
    const duets = screen.getByRole('checkbox', { name: /Turn off duets/ });
    expect(duets).toBeChecked();
    expect(duets).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText('Choose the board the pin goes to.')).toBeInTheDocument();
    expect(screen.getByText('Choose who can see the video on TikTok.')).toBeInTheDocument();
    expect(screen.getByText('Pinterest needs an image or a video. TikTok needs a video.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.type(screen.getByLabelText('Pin title', { exact: false }), 'Friday rye');
    expect(screen.getByTestId('counter-pin-title')).toHaveTextContent('Title 10 / 100');
    expect(within(screen.getByRole('article', { name: 'Pinterest preview' })).getByText('Friday rye')).toBeInTheDocument();
  });
});
