import createClient from 'openapi-fetch';
import { ApiError } from './errors';
import { apiFetch } from './http';
import type { paths } from './schema.gen';

/** The typed API client: paths, parameters and bodies checked against the generated OpenAPI types. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: apiFetch,
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves with the data of a 2xx answer (undefined for 204), rejects with an ApiError otherwise. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await ApiError.fromResponse(response, error === '' ? undefined : error);
  return data as T;
}
