import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { authResponse, json, problem, renderPage } from '../../test/render';
import AcceptInvitePage from './AcceptInvitePage';

describe('AcceptInvitePage', () => {
  it('explains a link without a token', () => {
    renderPage(<AcceptInvitePage />, { path: '/accept-invite' });

    expect(screen.getByText('The link has no invitation code.')).toBeInTheDocument();
  });

  it('shows an expired invitation as the form’s message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
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
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(problem(401, { detail: 'This e-mail already has an account: enter its password to join.' }))
      .mockResolvedValueOnce(json(authResponse({ role: 'editor' })));
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
    const sent = (await (fetchMock.mock.calls[1]![0] as Request).json()) as Record<string, unknown>;
    expect(sent).toEqual({ token: 'abc', password: 'my existing password', fullName: null });
  });
});
