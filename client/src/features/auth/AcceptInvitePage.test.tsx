import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { authResponse, json, problem, renderPage } from '../../test/render';
import AcceptInvitePage from './AcceptInvitePage';

const invitation = {
  workspaceName: 'Northwind',
  email: 'ben@example.com',
  role: 'editor',
  invitedBy: 'Ada Admin',
  expiresAt: '2026-12-01T00:00:00Z',
  hasAccount: false,
};

/** A fetch that answers the invitation preview with `preview` and every other call from `rest`, in order. */
function fetchWith(preview: () => Response, ...rest: Response[]) {
  const queue = [...rest];
  return vi.fn(async (input: Request) => (input.url.endsWith('/invitation-preview') ? preview() : queue.shift()!));
}

describe('AcceptInvitePage', () => {
  it('explains a link without a token', () => {
    renderPage(<AcceptInvitePage />, { path: '/accept-invite' });

    expect(screen.getByText('The link has no invitation code.')).toBeInTheDocument();
  });

  it('names the workspace, the inviter and the role of the invitation', async () => {
    vi.stubGlobal(
      'fetch',
      fetchWith(() => json(invitation)),
    );
    renderPage(<AcceptInvitePage />, { path: '/accept-invite', url: '/accept-invite?token=abc' });

    expect(await screen.findByText('Ada Admin invited ben@example.com to join Northwind as an editor.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'I am new here' })).toBeChecked();
  });

  it('says at once that a used or expired invitation cannot be accepted', async () => {
    vi.stubGlobal(
      'fetch',
      fetchWith(() =>
        problem(400, { errors: { token: ['This invitation has expired or was already used. Ask for a new one.'] } }),
      ),
    );
    renderPage(<AcceptInvitePage />, { path: '/accept-invite', url: '/accept-invite?token=abc' });

    expect(await screen.findByText('This invitation has expired or was already used. Ask for a new one.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('asks straight away for the password of an address that already has an account', async () => {
    vi.stubGlobal(
      'fetch',
      fetchWith(() => json({ ...invitation, hasAccount: true })),
    );
    renderPage(<AcceptInvitePage />, { path: '/accept-invite', url: '/accept-invite?token=abc' });

    expect(await screen.findByLabelText('Your password')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'I have an account' })).toBeChecked();
  });

  it('keeps the form usable when the preview cannot be loaded, and shows the server’s refusal on submit', async () => {
    vi.stubGlobal(
      'fetch',
      fetchWith(
        () => problem(503, { title: 'Service unavailable' }),
        problem(400, { errors: { token: ['This invitation has expired or was already used. Ask for a new one.'] } }),
      ),
    );
    renderPage(<AcceptInvitePage />, { path: '/accept-invite', url: '/accept-invite?token=abc' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Your name'), 'Ben');
    await user.type(screen.getByLabelText('Choose a password'), 'a perfectly fine passphrase');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation has expired or was already used.');
  });

  it('asks for the existing account’s password when the address already has one', async () => {
    // A preview that could not tell (here: it failed) leaves "new" chosen; the server's 401 switches the form.
    const fetchMock = fetchWith(
      () => problem(503, { title: 'Service unavailable' }),
      problem(401, { detail: 'This e-mail already has an account: enter its password to join.' }),
      json(authResponse({ role: 'editor' })),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderPage(<AcceptInvitePage />, {
      path: '/accept-invite',
      url: '/accept-invite?token=abc',
      routes: [{ path: '/app', element: <h1>App home</h1> }],
    });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Your name'), 'Ben');
    await user.type(screen.getByLabelText('Choose a password'), 'a new passphrase here');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('enter its password to join');
    expect(screen.getByRole('radio', { name: 'I have an account' })).toBeChecked();
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Your password'));
    await user.type(screen.getByLabelText('Your password'), 'my existing password');
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('heading', { name: 'App home' })).toBeInTheDocument();
    const accepts = fetchMock.mock.calls.map(([request]) => request).filter((request) => request.url.endsWith('/accept-invite'));
    const sent = (await accepts[1]!.json()) as Record<string, unknown>;
    expect(sent).toEqual({ token: 'abc', password: 'my existing password', fullName: null });
  });
});
