import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import ConnectionsPage from './ConnectionsPage';

const expiring = {
  id: 'c1',
  companyId: null,
  platform: 'linkedIn',
  externalAccountId: 'urn:li:person:1',
  displayName: 'Ada Lovelace',
  status: 'active',
  statusReason: null,
  expiresAt: '2030-01-04T00:00:00Z',
  canRefresh: false,
  health: 'expiring',
  warning: {
    connectionId: 'c1',
    platform: 'linkedIn',
    displayName: 'Ada Lovelace',
    health: 'expiring',
    expiresAt: '2030-01-04T00:00:00Z',
    message: 'The LinkedIn account "Ada Lovelace" stops working in 3 days.',
    action: 'Reconnect LinkedIn before it expires.',
  },
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
};

function api(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const answer = routes[`${request.method} ${url.pathname}`];
    return answer ? answer() : problem(404, { title: 'Not found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('ConnectionsPage', () => {
  it('lists connections with their health and shows the outcome the callback put in the address', async () => {
    sessionStore.set(authResponse());
    api({
      'GET /api/v1/social/connections': () => json([expiring]),
      'GET /api/v1/social/profiles': () => json([]),
    });
    renderPage(<ConnectionsPage />, {
      path: '/app/automation/connections',
      url: '/app/automation/connections?connected=linkedIn&accounts=1',
    });

    expect(await screen.findByText('LinkedIn is connected.')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    expect(within(list).getByText('Expiring soon')).toBeInTheDocument();
    expect(within(list).getByText('Reconnect LinkedIn before it expires.')).toBeInTheDocument();
  });

  it('shows the error the network gave', async () => {
    sessionStore.set(authResponse());
    api({ 'GET /api/v1/social/connections': () => json([]), 'GET /api/v1/social/profiles': () => json([]) });
    renderPage(<ConnectionsPage />, {
      path: '/app/automation/connections',
      url: '/app/automation/connections?platform=x&error=X%20did%20not%20connect%3A%20access%20was%20not%20granted.',
    });
    expect(await screen.findByText('X was not connected.')).toBeInTheDocument();
    expect(screen.getByText('X did not connect: access was not granted.')).toBeInTheDocument();
  });

  it('names the network the server has not configured', async () => {
    sessionStore.set(authResponse());
    api({
      'GET /api/v1/social/connections': () => json([]),
      'GET /api/v1/social/profiles': () => json([]),
      'GET /api/v1/social/connect/instagram': () =>
        problem(409, { title: 'Conflict.', detail: 'Instagram is not configured on this server.' }),
    });
    renderPage(<ConnectionsPage />, { path: '/app/automation/connections' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Connect Instagram' }));
    expect(await screen.findByText('Instagram is not configured on this server.')).toBeInTheDocument();
  });

  it('asks before disconnecting and removes the account', async () => {
    sessionStore.set(authResponse());
    const fetchMock = api({
      'GET /api/v1/social/connections': () => json([expiring]),
      'GET /api/v1/social/profiles': () => json([]),
      'DELETE /api/v1/social/connections/c1': () => new Response(null, { status: 204 }),
    });
    renderPage(<ConnectionsPage />, { path: '/app/automation/connections' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Disconnect Ada Lovelace on LinkedIn/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText('No account is connected yet.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([r]) => r.method === 'DELETE')).toBe(true);
  });
});
