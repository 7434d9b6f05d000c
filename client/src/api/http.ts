import { ApiError } from './errors';
import { sessionStore, type Session } from './session';
import type { AuthResponse } from './types';

/**
 * The one fetch wrapper every API call goes through: it adds the bearer token, renews the access token shortly
 * before it expires or after a 401 (once, however many requests hit the 401 together), and turns a failure to
 * reach the server into an ApiError of kind `network`. It returns the Response as fetch does, so streaming and
 * uploads can use it too; `unwrap` (client.ts) turns non-2xx answers into ApiErrors.
 */
export async function apiFetch(request: Request): Promise<Response> {
  if (establishesSession(request)) return send(request);

  const session = await currentSession();
  const token = session?.accessToken;
  // A request's body can be read once: keep a copy in case it has to be sent again with a renewed token.
  const second = token ? request.clone() : null;
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  const response = await send(request);
  if (response.status !== 401 || !token || !second) return response;

  const renewed = await renewedAfter401(token);
  if (!renewed) return response;
  second.headers.set('Authorization', `Bearer ${renewed.accessToken}`);
  return send(second);
}

/** The session to send a request with: renewed first when its access token is about to expire. */
export async function currentSession(): Promise<Session | null> {
  const session = sessionStore.get();
  return session && expiresSoon(session) ? refreshSession() : session;
}

/**
 * After a 401 to a request sent with `token`: the session to send it again with, or null when the session is over.
 * Another request may already have renewed the token while this one was in flight; then no second exchange is made.
 */
export async function renewedAfter401(token: string): Promise<Session | null> {
  const latest = sessionStore.get();
  return latest && latest.accessToken !== token ? latest : refreshSession();
}

/** An absolute URL on this origin (fetch in tests has no page to resolve a relative one against). */
export function apiUrl(path: string): string {
  return new URL(path, globalThis.location?.origin ?? 'http://localhost').toString();
}

const sessionPaths = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/accept-invite',
]);

// These calls start a session: they carry no token, and their 401 is an answer (wrong password), not an expiry.
function establishesSession(request: Request): boolean {
  return sessionPaths.has(new URL(request.url).pathname);
}

const renewalMarginMs = 30_000;

function expiresSoon(session: Session): boolean {
  return session.expiresAt - Date.now() < renewalMarginMs;
}

async function send(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    // A cancelled query is not a lost connection.
    if (request.signal.aborted) throw error;
    throw ApiError.network(error);
  }
}

let inflight: Promise<Session | null> | null = null;

/**
 * Exchanges the refresh token for a new pair. Concurrent callers share one exchange; tabs take turns through a
 * Web Lock, because the API rotates refresh tokens and treats a second use of the old one as theft (it would end
 * the session everywhere). Resolves null when the session is over (the user must sign in again); rejects with a
 * network ApiError when the server cannot be reached, keeping the session for a retry.
 */
export function refreshSession(): Promise<Session | null> {
  if (!inflight) {
    const startedWith = sessionStore.get();
    inflight = withRefreshLock(() => exchange(startedWith)).finally(() => {
      inflight = null;
    });
  }
  return inflight;
}

async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('brandauto-token-refresh', task) : task();
}

async function exchange(startedWith: Session | null): Promise<Session | null> {
  const stored = sessionStore.reload();
  if (!stored) return null;
  // Another tab renewed the pair while this one waited for the lock: use its tokens instead of the spent one.
  if (startedWith && stored.refreshToken !== startedWith.refreshToken && !expiresSoon(stored)) return stored;

  const response = await send(
    new Request(apiUrl('/api/v1/auth/refresh'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: stored.refreshToken }),
    }),
  );
  if (response.ok) return sessionStore.set((await response.json()) as AuthResponse);
  if (response.status === 400 || response.status === 401) {
    sessionStore.clear('expired');
    return null;
  }
  throw await ApiError.fromResponse(response);
}
