import { describe, expect, it, vi } from 'vitest';
import { installFakeXhr, nthRequest } from '../test/fakeXhr';
import { authResponse, json } from '../test/render';
import { ApiError } from './errors';
import { sessionStore } from './session';
import { uploadWithProgress, type UploadProgress } from './upload';

function form(...names: string[]) {
  const body = new FormData();
  for (const name of names) body.append('files', new File(['x'.repeat(10)], name));
  return body;
}

describe('uploadWithProgress', () => {
  it('sends the bearer token, reports progress and resolves with the JSON answer', async () => {
    installFakeXhr();
    sessionStore.set(authResponse({ accessToken: 'token-a' }));
    const seen: UploadProgress[] = [];
    const done = uploadWithProgress<{ id: string }[]>({
      path: '/api/v1/onboarding/assets/upload',
      body: form('logo.png'),
      onProgress: (progress) => seen.push(progress),
    });

    const xhr = await nthRequest(1);
    expect(xhr.method).toBe('POST');
    expect(new URL(xhr.url).pathname).toBe('/api/v1/onboarding/assets/upload');
    expect(xhr.headers.Authorization).toBe('Bearer token-a');
    xhr.progress(50, 200);
    xhr.progress(200, 200);
    xhr.respond(201, [{ id: 'a1' }]);

    await expect(done).resolves.toEqual([{ id: 'a1' }]);
    expect(seen).toEqual([
      { loaded: 50, total: 200 },
      { loaded: 200, total: 200 },
    ]);
  });

  it('renews the token after a 401 and sends the upload again, as the fetch wrapper does', async () => {
    installFakeXhr();
    sessionStore.set(authResponse({ accessToken: 'old', refreshToken: 'refresh-old' }));
    const refresh = vi.fn(async () => json(authResponse({ accessToken: 'new', refreshToken: 'refresh-new' })));
    vi.stubGlobal('fetch', refresh);
    const done = uploadWithProgress({ path: '/api/v1/onboarding/assets/upload', body: form('logo.png') });

    (await nthRequest(1)).respond(401, { title: 'Unauthorized.' });
    const second = await nthRequest(2);
    expect(second.headers.Authorization).toBe('Bearer new');
    expect(second.fileNames).toEqual(['logo.png']);
    second.respond(201, []);

    await expect(done).resolves.toEqual([]);
    expect(refresh).toHaveBeenCalledOnce();
    expect(sessionStore.get()?.refreshToken).toBe('refresh-new');
  });

  it('turns a refusal into an ApiError naming the file', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    const done = uploadWithProgress({ path: '/api/v1/onboarding/assets/upload', body: form('a.png', 'b.exe') });

    (await nthRequest(1)).respond(
      415,
      { status: 415, title: 'This kind of file is not accepted.', errors: { 'files[1]': ["'b.exe' was refused."] } },
      'application/problem+json',
    );

    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(415);
    expect((error as ApiError).fieldErrors).toEqual({ 'files[1]': ["'b.exe' was refused."] });
  });

  it('says the server could not be reached when the connection fails', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    const done = uploadWithProgress({ path: '/api/v1/onboarding/assets/upload', body: form('a.png') });

    (await nthRequest(1)).failConnection();

    await expect(done).rejects.toMatchObject({ kind: 'network' });
  });

  it('stops when its signal aborts', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    const controller = new AbortController();
    const done = uploadWithProgress({ path: '/x', body: form('a.png'), signal: controller.signal });

    const xhr = await nthRequest(1);
    controller.abort();

    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.aborted).toBe(true);
  });
});
