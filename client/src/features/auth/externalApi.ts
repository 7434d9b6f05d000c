import { useQuery } from '@tanstack/react-query';
import { api, sessionStore, unwrap, type AuthResponse } from '../../api';

const pendingKey = 'brandauto.external-sign-in';

/** Where to go once signed in; kept apart from the pending sign-in, which is forgotten as soon as it is used. */
export const nextKey = 'brandauto.external-next';

/** What this tab started at a provider: checked against the answer, so an answer this tab never asked for is refused. */
export interface PendingExternal {
  provider: string;
  state: string;
  purpose: 'sign-in' | 'link';
  next: string;
}

/** The providers this server offers; none when none is configured, and the buttons stay hidden. */
export function useExternalProviders() {
  return useQuery({
    queryKey: ['external-providers'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/external/providers', { signal })),
    staleTime: 10 * 60_000,
  });
}

/** Sends the browser to the provider, remembering the state it must come back with. */
export async function goToProvider(provider: string, purpose: PendingExternal['purpose'], next = '/app') {
  const { authorizationUrl } =
    purpose === 'sign-in'
      ? await unwrap(api.POST('/api/v1/auth/external/providers/{provider}/start', { params: { path: { provider } } }))
      : await unwrap(api.POST('/api/v1/auth/external/providers/{provider}/link/start', { params: { path: { provider } } }));
  const state = new URL(authorizationUrl).searchParams.get('state') ?? '';
  const pending: PendingExternal = { provider, state, purpose, next };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  sessionStorage.setItem(nextKey, next);
  window.location.assign(authorizationUrl);
}

/** The sign-in this tab started, if any. */
export function readPending(): PendingExternal | null {
  const raw = sessionStorage.getItem(pendingKey);
  try {
    return raw ? (JSON.parse(raw) as PendingExternal) : null;
  } catch {
    return null;
  }
}

/** Forgets the sign-in this tab started: an answer is used once. */
export function forgetPending() {
  sessionStorage.removeItem(pendingKey);
}

export async function completeExternalSignIn(provider: string, code: string, state: string) {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  const answer = await unwrap(
    api.POST('/api/v1/auth/external/providers/{provider}/complete', {
      params: { path: { provider } },
      body: { code, state, timeZone },
    }),
  );
  if ('challenge' in answer) return { twoFactor: answer };
  sessionStore.set(answer as AuthResponse);
  return { twoFactor: null };
}

export async function completeExternalLink(provider: string, code: string, state: string) {
  return unwrap(
    api.POST('/api/v1/auth/external/providers/{provider}/link/complete', {
      params: { path: { provider } },
      body: { code, state },
    }),
  );
}
