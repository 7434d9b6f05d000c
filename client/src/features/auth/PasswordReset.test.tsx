import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problem, renderPage } from '../../test/render';
import ForgotPasswordPage from './ForgotPasswordPage';
import ResetPasswordPage from './ResetPasswordPage';

describe('ForgotPasswordPage', () => {
  it('says the same thing whatever the address, and sends only the address', async () => {
    const fetch = vi.fn(async (_request: Request) => new Response(null, { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    renderPage(<ForgotPasswordPage />, { path: '/forgot-password' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the reset link' }));

    expect(await screen.findByText(/If an account uses ada@example.com/)).toBeInTheDocument();
    expect(await fetch.mock.lastCall?.[0].json()).toEqual({ email: 'ada@example.com' });
  });
});

describe('ResetPasswordPage', () => {
  it('takes the link out of the address bar and posts it with the new password', async () => {
    window.history.replaceState(null, '', '/reset-password#user=u1&token=a%2Bb%3D');
    const fetch = vi.fn(async (_request: Request) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    renderPage(<ResetPasswordPage />, {
      path: '/reset-password',
      routes: [{ path: '/sign-in', element: <h1>Sign in</h1> }],
    });
    expect(window.location.hash).toBe('');
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('New password, again'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(await fetch.mock.lastCall?.[0].json()).toEqual({ userId: 'u1', token: 'a+b=', newPassword: 'a brand new passphrase' });
  });

  it('offers a new link when the server says this one is dead', async () => {
    window.history.replaceState(null, '', '/reset-password#user=u1&token=old');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(400, { errors: { token: ['This link has expired or was already used. Ask for a new one.'] } })),
    );
    renderPage(<ResetPasswordPage />, { path: '/reset-password' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('New password, again'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByText('This link has expired or was already used. Ask for a new one.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('refuses two different passwords before asking the server', async () => {
    window.history.replaceState(null, '', '/reset-password#user=u1&token=abc');
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderPage(<ResetPasswordPage />, { path: '/reset-password' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('New password, again'), 'a different passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByText('The two passwords are not the same.')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
