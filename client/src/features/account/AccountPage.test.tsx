import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, problem, renderPage } from '../../test/render';
import AccountPage from './AccountPage';

describe('AccountPage', () => {
  it('shows the current password refusal on its field', async () => {
    sessionStore.set(authResponse());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(400, { errors: { currentPassword: ['The current password is not correct.'] } })),
    );
    renderPage(<AccountPage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Current password'), 'not my password');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('New password, again'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('The current password is not correct.')).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers a new confirmation link while the address is not confirmed', async () => {
    sessionStore.set(authResponse({ emailVerified: false }));
    const fetch = vi.fn(async (_request: Request) => new Response(null, { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    renderPage(<AccountPage />);

    expect(screen.getByText('Not confirmed yet')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send a new link' }));

    expect(await screen.findByText(/A new confirmation link is on its way/)).toBeInTheDocument();
    expect(fetch.mock.lastCall?.[0].url).toMatch(/\/api\/v1\/auth\/email\/send-verification$/);
  });
});
