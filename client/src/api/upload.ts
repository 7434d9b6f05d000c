import { ApiError } from './errors';
import { apiUrl, currentSession, renewedAfter401 } from './http';

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  loaded: number;
  /** Bytes of the whole request body (the multipart framing included). */
  total: number;
}

export interface UploadRequest {
  /** An API path, e.g. `/api/v1/onboarding/assets/upload?companyId=…`. */
  path: string;
  body: FormData;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a multipart body with upload progress, which fetch cannot report: XMLHttpRequest, with the same session
 * handling as the fetch wrapper (apiFetch): the bearer token, a renewal shortly before it expires, and after a 401
 * one shared refresh and a second attempt (progress then starts again from zero). Resolves with the parsed JSON of a
 * 2xx answer; rejects with an ApiError (`network` when the server could not be reached, else the problem details)
 * or, when `signal` aborts, with an AbortError DOMException.
 */
export async function uploadWithProgress<T>({ path, body, onProgress, signal }: UploadRequest): Promise<T> {
  const url = apiUrl(path);
  const session = await currentSession();
  const token = session?.accessToken;
  let response = await send(url, body, token, onProgress, signal);
  if (response.status === 401 && token) {
    const renewed = await renewedAfter401(token);
    if (renewed) response = await send(url, body, renewed.accessToken, onProgress, signal);
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function send(
  url: string,
  body: FormData,
  token: string | undefined,
  onProgress: UploadRequest['onProgress'],
  signal: AbortSignal | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);

    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);

    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    });
    xhr.addEventListener('load', () => {
      settle();
      resolve(toResponse(xhr));
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(ApiError.network());
    });
    xhr.addEventListener('timeout', () => {
      settle();
      reject(ApiError.network());
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(abortError());
    });
    xhr.send(body);
  });
}

/** The XHR's answer as a fetch Response, so that ApiError reads its problem details the usual way. */
function toResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const name of ['Content-Type', 'Retry-After']) {
    const value = xhr.getResponseHeader(name);
    if (value) headers.set(name, value);
  }
  const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
  return new Response(empty ? null : xhr.responseText, { status: xhr.status, headers });
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}
