import { act, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { ToastProvider } from '../../components/Toaster';
import { authResponse, json } from '../../test/render';
import { SessionWatcher } from '../SessionWatcher';
import AppLayout from './AppLayout';

function SignInProbe() {
  return <p>sign-in at {window.location.pathname}</p>;
}

describe('AppLayout', () => {
  it('sends a visitor whose session expired to sign-in, remembering where they were going', async () => {
    sessionStore.set(authResponse());
    sessionStore.clear('expired');
    const router = createMemoryRouter(
      [
        { path: '/app/*', element: <AppLayout /> },
        { path: '/sign-in', element: <SignInProbe /> },
      ],
      { initialEntries: ['/app/brands?view=grid'] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );

    await screen.findByText(/sign-in at/);
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/app/brands?view=grid');
  });

  it('sends a member of a workspace that requires two-step verification to set it up first', async () => {
    sessionStore.set(authResponse({ role: 'editor', requiresTwoFactor: true, twoFactorEnabled: false }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({})),
    );
    const router = createMemoryRouter(
      [
        { path: '/app/settings/account', element: <p>account settings</p> },
        { path: '/app/*', element: <AppLayout /> },
      ],
      { initialEntries: ['/app/calendar'] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );

    await screen.findByText('account settings');
    expect(router.state.location.search).toBe('?two-factor=required');
  });

  it('forgets the page after a deliberate sign-out', async () => {
    sessionStore.set(authResponse());
    sessionStore.clear('signed-out');
    const router = createMemoryRouter(
      [
        { path: '/app/*', element: <AppLayout /> },
        { path: '/sign-in', element: <SignInProbe /> },
      ],
      { initialEntries: ['/app/settings/team'] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );

    await screen.findByText(/sign-in at/);
    expect(router.state.location.search).toBe('?reason=signed-out');
  });

  it('leaves the app when the session ends elsewhere (another tab signed out, the refresh token expired)', async () => {
    sessionStore.set(authResponse());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json([])),
    );
    const router = createMemoryRouter(
      [
        { path: '/app', element: <AppLayout />, children: [{ index: true, element: <h1>Dashboard</h1> }] },
        { path: '/sign-in', element: <SignInProbe /> },
      ],
      { initialEntries: ['/app'] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();

    act(() => sessionStore.clear('expired'));

    await screen.findByText(/sign-in at/);
    expect(new URLSearchParams(router.state.location.search).get('reason')).toBe('expired');
  });
});

describe('SessionWatcher', () => {
  it('drops every cached answer when the workspace changes, so no data crosses tenants', async () => {
    sessionStore.set(authResponse());
    const queryClient = new QueryClient();
    queryClient.setQueryData(['tenant', 't1', 'brands'], [{ id: 'b1', name: 'Secret brand' }]);
    render(
      <QueryClientProvider client={queryClient}>
        <SessionWatcher />
      </QueryClientProvider>,
    );

    act(() => {
      sessionStore.set({ ...authResponse(), tenant: { id: 't2', name: 'Other', requiresTwoFactor: false } });
    });
    await act(async () => {});

    expect(queryClient.getQueryData(['tenant', 't1', 'brands'])).toBeUndefined();
  });
});
