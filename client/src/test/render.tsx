import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { ToastProvider } from '../components/Toaster';

/** Renders `element` at `path` inside the app's providers; `routes` adds pages it may navigate to. */
export function renderPage(
  element: ReactElement,
  { path = '/', url = path, routes = [] }: { path?: string; url?: string; routes?: RouteObject[] } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, networkMode: 'always' }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path, element }, ...routes], { initialEntries: [url] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, fields: Partial<{ title: string; detail: string; errors: Record<string, string[]> }>) {
  return new Response(JSON.stringify({ status, title: fields.title ?? 'One or more validation errors occurred.', ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** What sign-in style endpoints answer. */
export function authResponse(
  overrides: {
    accessToken?: string;
    refreshToken?: string;
    expiresIn?: number;
    role?: string;
    emailVerified?: boolean;
    twoFactorEnabled?: boolean;
    requiresTwoFactor?: boolean;
  } = {},
) {
  return {
    accessToken: overrides.accessToken ?? 'access-1',
    refreshToken: overrides.refreshToken ?? 'refresh-1',
    expiresIn: overrides.expiresIn ?? 900,
    user: {
      id: 'u1',
      email: 'ada@example.com',
      fullName: 'Ada Admin',
      role: overrides.role ?? 'admin',
      emailVerified: overrides.emailVerified ?? true,
      twoFactorEnabled: overrides.twoFactorEnabled ?? false,
    },
    tenant: { id: 't1', name: 'Northwind', requiresTwoFactor: overrides.requiresTwoFactor ?? false },
  };
}
