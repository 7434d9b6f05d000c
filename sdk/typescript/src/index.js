// A small fetch client over the API's OpenAPI paths, shaped like openapi-fetch (the SPA's client): each call answers
// { data, error, response }, where error is the problem document (RFC 9457) of a refused request. No dependencies.

/** @param {{ baseUrl: string, apiKey: string, fetch?: typeof fetch, headers?: Record<string, string> }} options */
export function createBrandAutomatorClient({ baseUrl, apiKey, fetch: fetchImpl = globalThis.fetch, headers = {} }) {
  if (!baseUrl) throw new TypeError('baseUrl is required, e.g. https://app.example.com');
  if (!apiKey) throw new TypeError('apiKey is required: make one under Settings, API keys');
  const root = baseUrl.replace(/\/+$/, '');

  async function request(method, path, init = {}) {
    const { params = {}, body, headers: extra = {}, signal } = init;
    const url = new URL(root + expand(path, params.path ?? {}));
    for (const [name, value] of Object.entries(params.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }

    const sent = { Accept: 'application/json, application/problem+json', 'X-Api-Key': apiKey, ...headers, ...(params.header ?? {}), ...extra };
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !isForm) sent['Content-Type'] = 'application/json';
    const response = await fetchImpl(url, {
      method,
      headers: sent,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });

    const text = response.status === 204 ? '' : await response.text();
    const parsed = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text || undefined;
    return response.ok ? { data: parsed, error: undefined, response } : { data: undefined, error: parsed ?? { status: response.status }, response };
  }

  return {
    GET: (path, init) => request('GET', path, init),
    POST: (path, init) => request('POST', path, init),
    PUT: (path, init) => request('PUT', path, init),
    PATCH: (path, init) => request('PATCH', path, init),
    DELETE: (path, init) => request('DELETE', path, init),
  };
}

/** A fresh Idempotency-Key: send the same one again to repeat a create safely. */
export function newIdempotencyKey() {
  return globalThis.crypto.randomUUID();
}

function expand(path, values) {
  return path.replace(/\{([^}]+)\}/g, (_, name) => {
    if (values[name] === undefined) throw new TypeError(`params.path.${name} is required for ${path}`);
    return encodeURIComponent(String(values[name]));
  });
}
