import { describe, expect, it, vi } from 'vitest';
import { authResponse, json, problem } from '../test/render';
import { api, unwrap } from './client';
import { ApiError } from './errors';
import { apiFetch, apiUrl } from './http';
import { sessionStore } from './session';

type Handler = (request: Request) => Response | Promise<Response>;

function serve(handler: Handler) {
  const calls: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    calls.push(request.clone());
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const bearer = (request: Request) => request.headers.get('Authorization');
const isRefresh = (request: Request) => new URL(request.url).pathname === '/api/v1/auth/refresh';

describe('apiFetch', () => {
  it('sends the access token as a bearer token', async () => {
    sessionStore.set(authResponse({ accessToken: 'token-a' }));
    const calls = serve(() => json([]));

    await unwrap(api.GET('/api/v1/companies'));

    expect(bearer(calls[0]!)).toBe('Bearer token-a');
  });

  it('renews the token once for concurrent 401s and retries each request with the new token', async () => {
    sessionStore.set(authResponse({ accessToken: 'old', refreshToken: 'refresh-old' }));
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const calls = serve(async (request) => {
      if (isRefresh(request)) {
        await refreshGate;
        return json(authResponse({ accessToken: 'new', refreshToken: 'refresh-new' }));
      }
      return bearer(request) === 'Bearer new'
        ? json({ path: new URL(request.url).pathname })
        : problem(401, { title: 'Unauthorized.' });
    });

    const results = Promise.all([
      unwrap(api.GET('/api/v1/companies')),
      unwrap(api.GET('/api/v1/tenants')),
      unwrap(api.GET('/api/v1/auth/sessions')),
    ]);
    // Let all three hit their 401 before the refresh answers.
    await vi.waitFor(() => expect(calls.filter((c) => !isRefresh(c))).toHaveLength(3));
    releaseRefresh();

    expect(await results).toEqual([
      { path: '/api/v1/companies' },
      { path: '/api/v1/tenants' },
      { path: '/api/v1/auth/sessions' },
    ]);
    const refreshes = calls.filter(isRefresh);
    expect(refreshes).toHaveLength(1);
    expect(await refreshes[0]!.json()).toEqual({ refreshToken: 'refresh-old' });
    expect(calls.filter((c) => bearer(c) === 'Bearer new')).toHaveLength(3);
    expect(sessionStore.get()?.refreshToken).toBe('refresh-new');
  });

  it('sends a request body again when it retries after a refresh', async () => {
    sessionStore.set(authResponse({ accessToken: 'old' }));
    const bodies: unknown[] = [];
    serve(async (request) => {
      if (isRefresh(request)) return json(authResponse({ accessToken: 'new' }));
      bodies.push(await request.json());
      return bearer(request) === 'Bearer new' ? json({ id: 'c1', name: 'Acme' }, 201) : problem(401, {});
    });

    await unwrap(api.POST('/api/v1/companies', { body: { name: 'Acme' } }));

    expect(bodies).toEqual([{ name: 'Acme' }, { name: 'Acme' }]);
  });

  it('ends the session when the refresh token is refused, and returns the 401', async () => {
    sessionStore.set(authResponse({ accessToken: 'old' }));
    serve((request) => (isRefresh(request) ? problem(401, { detail: 'Session ended.' }) : problem(401, {})));

    const error = await unwrap(api.GET('/api/v1/companies')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('expired');
  });

  it('renews a token that is about to expire before sending', async () => {
    sessionStore.set(authResponse({ accessToken: 'expiring', expiresIn: 5 }));
    const calls = serve((request) => (isRefresh(request) ? json(authResponse({ accessToken: 'fresh' })) : json([])));

    await unwrap(api.GET('/api/v1/companies'));

    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/v1/auth/refresh', '/api/v1/companies']);
    expect(bearer(calls[1]!)).toBe('Bearer fresh');
  });

  it('uses the tokens another tab already renewed instead of spending the old refresh token', async () => {
    sessionStore.set(authResponse({ accessToken: 'old', refreshToken: 'refresh-old' }));
    const calls = serve((request) => {
      if (bearer(request) === 'Bearer old') {
        // Meanwhile another tab rotated the pair and stored it.
        localStorage.setItem(
          'brandauto.session',
          JSON.stringify({
            ...sessionStore.get(),
            accessToken: 'other-tab',
            refreshToken: 'refresh-other-tab',
            expiresAt: Date.now() + 900_000,
          }),
        );
        return problem(401, {});
      }
      return json([]);
    });

    await unwrap(api.GET('/api/v1/companies'));

    expect(calls.some(isRefresh)).toBe(false);
    expect(bearer(calls[1]!)).toBe('Bearer other-tab');
  });

  it('turns an unreachable server into a network error and keeps the session', async () => {
    sessionStore.set(authResponse());
    serve(() => {
      throw new TypeError('Failed to fetch');
    });

    const error = (await unwrap(api.GET('/api/v1/companies')).catch((e: unknown) => e)) as ApiError;

    expect(error.isNetwork).toBe(true);
    expect(error.userMessage).toMatch(/could not be reached/);
    expect(sessionStore.get()).not.toBeNull();
  });

  it('sends no token with sign-in and treats its 401 as the answer', async () => {
    sessionStore.set(authResponse());
    const calls = serve(() => problem(401, { detail: 'The e-mail or password is not correct.' }));

    const response = await apiFetch(
      new Request(apiUrl('/api/v1/auth/login'), { method: 'POST', body: JSON.stringify({ email: 'a@b.c', password: 'x' }) }),
    );

    expect(response.status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(bearer(calls[0]!)).toBeNull();
  });
});

describe('ApiError', () => {
  it('keeps the problem details and their per-field errors', async () => {
    const error = await ApiError.fromResponse(problem(400, { errors: { password: ['Use at least 12 characters.'] } }));

    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ password: ['Use at least 12 characters.'] });
    expect(error.userMessage).toBe('Use at least 12 characters.');
  });

  it('reads a body that is not JSON (a proxy page) without failing', async () => {
    const error = await ApiError.fromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));

    expect(error.status).toBe(502);
    expect(error.userMessage).toBe('Something went wrong on our side. Try again in a moment.');
  });

  it('says how long to wait after a 429', async () => {
    const error = await ApiError.fromResponse(
      new Response('{}', { status: 429, headers: { 'Retry-After': '12', 'Content-Type': 'application/problem+json' } }),
    );

    expect(error.userMessage).toBe('Too many requests. Try again in 12 seconds.');
  });
});
