// Bluesky's XRPC endpoints as the publisher and the connection use them, in the AT Protocol's wire format: errors are
// { error: Name, message } (a bad app password is 401 AuthenticationRequired, an expired token 400 ExpiredToken, a rate
// limit 429 RateLimitExceeded with ratelimit-* headers). The app password the fake accepts is `appPassword`; access
// tokens start with "e2e-" (as the other fakes want) and carry a JWT payload whose exp is two hours ahead.
export const appPassword = 'e2e1-app2-pass-word';

// The API runs on the journeys' pinned clock (E2E_CLOCK) when there is one: tokens expire two hours after its time.
const started = Date.now();
const now = () => (process.env.E2E_CLOCK ? new Date(process.env.E2E_CLOCK).getTime() + (Date.now() - started) : Date.now());
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (scope, id, hours) =>
  `e2e-${b64({ typ: 'at+jwt', alg: 'ES256K' })}.${b64({ scope, sub: 'did:plc:e2e', jti: id, exp: Math.floor(now() / 1000) + hours * 3600 })}.c2ln`;
const didOf = (handle) => `did:plc:${handle.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
const error = (status, name, message, headers) => ({ status, body: { error: name, message }, headers });

function session(identifier, id) {
  const handle = identifier.includes('@') ? 'brand.bsky.social' : identifier;
  return {
    status: 200,
    body: {
      did: didOf(handle),
      handle,
      accessJwt: jwt('com.atproto.appPass', id, 2),
      refreshJwt: jwt('com.atproto.refresh', id, 1440),
      active: true,
    },
  };
}

/** The answer to one XRPC request: status, body, headers, and `record` when a post was created (for /_fake/requests). */
export function answerBluesky(request, url, raw, nextId) {
  const method = url.pathname.slice('/xrpc/'.length);
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const json = () => {
    try {
      return JSON.parse(raw || '{}');
    } catch {
      return null;
    }
  };

  if (method === 'com.atproto.server.createSession' && request.method === 'POST') {
    const body = json();
    if (!body?.identifier || body.password !== appPassword)
      return error(401, 'AuthenticationRequired', 'Invalid identifier or password');
    return session(String(body.identifier), nextId());
  }
  if (method === 'com.atproto.server.refreshSession' && request.method === 'POST') {
    return bearer.startsWith('e2e-') ? session('brand.bsky.social', nextId()) : error(400, 'ExpiredToken', 'Token has expired');
  }
  if (!bearer.startsWith('e2e-')) return error(401, 'AuthenticationRequired', 'Authentication Required');

  if (method === 'com.atproto.identity.resolveHandle' && request.method === 'GET') {
    const handle = url.searchParams.get('handle') ?? '';
    return handle.startsWith('nobody')
      ? error(400, 'InvalidRequest', 'Unable to resolve handle')
      : { status: 200, body: { did: didOf(handle) } };
  }
  if (method === 'com.atproto.repo.uploadBlob' && request.method === 'POST') {
    return {
      status: 200,
      body: {
        blob: {
          $type: 'blob',
          ref: { $link: `bafkrei${nextId()}` },
          mimeType: request.headers['content-type'],
          size: Buffer.byteLength(raw),
        },
      },
    };
  }
  if (method === 'com.atproto.repo.createRecord' && request.method === 'POST') {
    const body = json();
    const record = body?.record;
    if (
      body?.collection !== 'app.bsky.feed.post' ||
      record?.$type !== 'app.bsky.feed.post' ||
      typeof record.text !== 'string' ||
      !record.createdAt
    ) {
      return error(400, 'InvalidRequest', 'Input/record must be an app.bsky.feed.post with text and createdAt');
    }
    const bytes = Buffer.byteLength(record.text);
    if (
      (record.facets ?? []).some((f) => f.index.byteStart < 0 || f.index.byteEnd > bytes || f.index.byteStart >= f.index.byteEnd)
    ) {
      return error(400, 'InvalidRequest', 'Invalid facet index');
    }
    const uri = `at://${body.repo}/app.bsky.feed.post/3lfake${nextId()}`;
    // Each facet as the text it covers, cut at its byte offsets: what a reader of the post would see linked.
    const covered = (record.facets ?? []).map((f) => ({
      type: f.features[0].$type,
      text: Buffer.from(record.text).subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'),
    }));
    return {
      status: 200,
      body: { uri, cid: `bafyrei${nextId()}` },
      record: {
        platform: 'bluesky',
        id: uri,
        repo: body.repo,
        text: record.text,
        facets: covered,
        images: record.embed?.images?.length ?? 0,
      },
    };
  }
  return error(501, 'MethodNotImplemented', `The fake has no ${request.method} ${method}.`);
}
