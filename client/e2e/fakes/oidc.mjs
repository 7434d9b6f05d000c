// Fake OpenID Connect providers for "Continue with Google / LinkedIn", in plain node:http, speaking the real wire
// format: /{google,linkedin}/.well-known/openid-configuration, /jwks (RSA public key as a JWK), /authorize (a consent
// page where the journey types who it is; it then redirects back to redirect_uri with a code and the state), and
// /token (form-encoded authorization_code grant: checks the client, the redirect URI and SHA-256(code_verifier)
// against the S256 challenge, each code once, and answers an id_token signed RS256 with the request's nonce).
//
// Run as its own process (run.mjs starts it):  node e2e/fakes/oidc.mjs <port>   It prints "listening" when ready.
import { createHash, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const clients = { google: 'e2e-google-client', linkedin: 'e2e-linkedin-signin-client' };
const secret = 'e2e-oidc-secret';

/** The API's configuration for both providers against a fake at `url`. */
export function env(url) {
  return {
    Authentication__Google__ClientId: clients.google,
    Authentication__Google__ClientSecret: secret,
    Authentication__Google__Authority: `${url}/google`,
    Authentication__LinkedIn__ClientId: clients.linkedin,
    Authentication__LinkedIn__ClientSecret: secret,
    Authentication__LinkedIn__Authority: `${url}/linkedin`,
  };
}

const b64url = (data) => Buffer.from(data).toString('base64url');
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createFakeOidc(origin) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-key', use: 'sig', alg: 'RS256' };
  const pending = new Map();
  const codes = new Map();

  const send = (response, status, body, type = 'application/json') => {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(type === 'application/json' ? JSON.stringify(body) : body);
  };

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const [, provider, ...rest] = url.pathname.split('/');
    const action = rest.join('/');
    if (!clients[provider]) return send(response, 404, { error: 'not_found' });
    const issuer = `${origin}/${provider}`;

    if (request.method === 'GET' && action === '.well-known/openid-configuration') {
      return send(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (request.method === 'GET' && action === 'jwks') return send(response, 200, { keys: [jwk] });

    if (request.method === 'GET' && action === 'authorize') {
      const q = url.searchParams;
      if (
        q.get('client_id') !== clients[provider] ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256'
      )
        return send(response, 400, { error: 'invalid_request' });
      const id = randomUUID();
      pending.set(id, Object.fromEntries(q));
      const title = provider === 'google' ? 'Google' : 'LinkedIn';
      return send(
        response,
        200,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in with ${title}</title></head><body><main>
<h1>Sign in with ${title} (test provider)</h1>
<form method="get" action="${escape(`${issuer}/consent`)}"><input type="hidden" name="request" value="${id}">
<label>E-mail <input name="email" type="email"></label> <label>Name <input name="name"></label>
<label><input type="checkbox" name="verified" value="true" checked> Address verified</label>
<button type="submit">Allow</button></form></main></body></html>`,
        'text/html; charset=utf-8',
      );
    }

    if (request.method === 'GET' && action === 'consent') {
      const asked = pending.get(url.searchParams.get('request') ?? '');
      if (!asked) return send(response, 400, { error: 'invalid_request' });
      pending.delete(url.searchParams.get('request'));
      const email = url.searchParams.get('email') ?? '';
      const code = `code-${randomUUID()}`;
      codes.set(code, {
        ...asked,
        person: {
          sub: `${provider}-${createHash('sha256').update(email).digest('hex').slice(0, 16)}`,
          email,
          name: url.searchParams.get('name') || email,
          verified: url.searchParams.get('verified') === 'true',
        },
      });
      const back = new URL(asked.redirect_uri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', asked.state);
      response.writeHead(302, { Location: back.toString() });
      return response.end();
    }

    if (request.method === 'POST' && action === 'token') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        if (form.get('client_id') !== clients[provider] || form.get('client_secret') !== secret)
          return send(response, 401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = createHash('sha256')
          .update(form.get('code_verifier') ?? '', 'ascii')
          .digest('base64url');
        if (!grant || grant.redirect_uri !== form.get('redirect_uri') || verifier !== grant.code_challenge)
          return send(response, 400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'e2e-key', typ: 'JWT' }));
        const payload = b64url(
          JSON.stringify({
            iss: issuer,
            aud: clients[provider],
            sub: grant.person.sub,
            email: grant.person.email,
            email_verified: grant.person.verified,
            name: grant.person.name,
            nonce: grant.nonce,
            iat: now,
            // Generous: the API's clock may be pinned elsewhere (E2E_CLOCK) and lets two minutes of skew through.
            exp: now + 10 * 365 * 24 * 3600,
          }),
        );
        const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
        return send(response, 200, {
          access_token: `at-${randomUUID()}`,
          token_type: 'Bearer',
          expires_in: 3600,
          id_token: `${header}.${payload}.${signature}`,
        });
      });
      return;
    }
    return send(response, 404, { error: 'not_found' });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2]);
  createFakeOidc(`http://127.0.0.1:${port}`).listen(port, '127.0.0.1', () => console.log('listening'));
}
