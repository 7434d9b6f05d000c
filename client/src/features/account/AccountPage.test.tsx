import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';

const off = { enabled: false, recoveryCodesLeft: 0, requiredByWorkspace: false };
const isStatus = (request: Request) => request.method === 'GET' && request.url.endsWith('/api/v1/auth/two-factor');
import AccountPage from './AccountPage';

describe('AccountPage', () => {
  it('shows the current password refusal on its field', async () => {
    sessionStore.set(authResponse());
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) =>
        isStatus(request) ? json(off) : problem(400, { errors: { currentPassword: ['The current password is not correct.'] } }),
      ),
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
    const fetch = vi.fn(async (request: Request) => (isStatus(request) ? json(off) : new Response(null, { status: 202 })));
    vi.stubGlobal('fetch', fetch);
    renderPage(<AccountPage />);

    expect(screen.getByText('Not confirmed yet')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send a new link' }));

    expect(await screen.findByText(/A new confirmation link is on its way/)).toBeInTheDocument();
    expect(fetch.mock.lastCall?.[0].url).toMatch(/\/api\/v1\/auth\/email\/send-verification$/);
  });

  it('sets up two-step verification: QR code and key, a code from the app, then the recovery codes once', async () => {
    sessionStore.set(authResponse());
    const codes = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`);
    const fetch = vi.fn(async (request: Request) => {
      if (isStatus(request)) return json(off);
      if (request.url.endsWith('/external/logins')) return json({ providers: [], hasPassword: true });
      if (request.url.endsWith('/authenticator'))
        return json({
          sharedKey: 'abcd efgh ijkl mnop',
          authenticatorUri: 'otpauth://totp/x?secret=ABCD',
          qrCodeSvg: '<svg></svg>',
        });
      return json({ recoveryCodes: codes });
    });
    vi.stubGlobal('fetch', fetch);
    renderPage(<AccountPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Set up two-step verification' }));
    expect(await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeInTheDocument();
    expect(screen.getByText('abcd efgh ijkl mnop')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Code from the app'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(sessionStore.get()?.user.twoFactorEnabled).toBe(true);
    const enable = fetch.mock.calls.map(([request]) => request).find((request) => request.url.endsWith('/two-factor/enable'));
    expect(await enable?.clone().json()).toEqual({ code: '123456' });
  });
});
