import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import ExternalCallbackPage from './ExternalCallbackPage';

function arriveFromProvider(query: string, pending: object | null) {
  window.history.replaceState(null, '', `/auth/callback/google?${query}`);
  if (pending) sessionStorage.setItem('brandauto.external-sign-in', JSON.stringify(pending));
  else sessionStorage.removeItem('brandauto.external-sign-in');
}

const route = { path: '/auth/callback/:provider', url: '/auth/callback/google' };

describe('ExternalCallbackPage', () => {
  it('signs in with the code when the state is the one this tab sent, and takes the code out of the address bar', async () => {
    arriveFromProvider('code=abc&state=sealed', { provider: 'google', state: 'sealed', purpose: 'sign-in', next: '/app/brands' });
    const fetch = vi.fn(async (_request: Request) => json(authResponse()));
    vi.stubGlobal('fetch', fetch);
    renderPage(<ExternalCallbackPage />, { ...route, routes: [{ path: '/app/brands', element: <h1>Brands</h1> }] });

    expect(await screen.findByRole('heading', { name: 'Brands' })).toBeInTheDocument();
    expect(window.location.search).toBe('');
    expect(sessionStore.get()?.user.email).toBe('ada@example.com');
    const request = fetch.mock.calls[0]![0];
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/external/providers/google/complete');
    expect(await request.clone().json()).toMatchObject({ code: 'abc', state: 'sealed' });
  });

  it('refuses an answer this tab did not ask for, without calling the server', async () => {
    arriveFromProvider('code=abc&state=someone-elses', { provider: 'google', state: 'sealed', purpose: 'sign-in', next: '/app' });
    const fetch = vi.fn(async () => json({}));
    vi.stubGlobal('fetch', fetch);
    renderPage(<ExternalCallbackPage />, route);

    expect(await screen.findByText(/not for a sign-in started in this browser tab/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows why the server refused, such as an address that already has an account', async () => {
    arriveFromProvider('code=abc&state=sealed', { provider: 'google', state: 'sealed', purpose: 'sign-in', next: '/app' });
    const detail = 'An account already uses ada@example.com. Sign in with its password, then connect Google in Account settings.';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(409, { title: 'Conflict.', detail })),
    );
    renderPage(<ExternalCallbackPage />, route);

    expect(await screen.findByText(detail)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to sign-in' })).toBeInTheDocument();
  });
});
