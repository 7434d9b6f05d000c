// A fake OAuth 2.0 authorisation server and account API for one network (LinkedIn's shapes), in plain node:http,
// speaking the real wire format: GET /linkedin/authorize consents at once and redirects back to redirect_uri with a
// code and the state; POST /linkedin/token takes the
// form-encoded authorization_code grant, checks the client's credentials and that SHA-256(code_verifier) is the
// code's S256 challenge (RFC 7636), and answers JSON tokens; GET /linkedin/v2/userinfo answers the OpenID Connect
// userinfo for a token it issued. GET /__stats says how many exchanges came and how many carried the right verifier.
//
// Run as its own process (run.mjs starts it: the journeys run while run.mjs waits on them):
//   node e2e/fakes/oauth.mjs <port>
// It prints "listening" when ready. env() gives the API's settings that point LinkedIn at it.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { answerDrive, driveEnv } from './google-drive.mjs';
import { answerPinterestOAuth, pinterestClientId, pinterestClientSecret } from './pinterest.mjs';
import { answerThreads, threadsClientId, threadsClientSecret } from './threads-oauth.mjs';
import { answerTikTokOAuth, tikTokClientKey, tikTokClientSecret } from './tiktok.mjs';
import { answerYouTubeOAuth, youTubeClientId, youTubeClientSecret } from './youtube.mjs';

export const clientId = 'e2e-linkedin-client';
export const clientSecret = 'e2e-linkedin-secret';

/** The API's configuration (environment variables) for LinkedIn against a fake at `url`. */
export function env(url) {
  return {
    Publishing__LinkedIn__AuthorizeUrl: `${url}/linkedin/authorize`,
    Publishing__LinkedIn__TokenUrl: `${url}/linkedin/token`,
    Publishing__LinkedIn__AccountUrl: `${url}/linkedin/v2/userinfo`,
    Publishing__LinkedIn__ClientId: clientId,
    Publishing__LinkedIn__ClientSecret: clientSecret,
    // Threads: its own authorisation server and graph host, tokens made long-lived by a GET (fakes/threads-oauth.mjs).
    Publishing__Threads__AuthorizeUrl: `${url}/threads/oauth/authorize`,
    Publishing__Threads__TokenUrl: `${url}/threads/oauth/access_token`,
    Publishing__Threads__AccountUrl: `${url}/threads/v1.0/me`,
    Publishing__Threads__ClientId: threadsClientId,
    Publishing__Threads__ClientSecret: threadsClientSecret,
    // Google Drive: Google's OAuth endpoints and the Drive v3 API (fakes/google-drive.mjs).
    ...driveEnv(url),
    // Pinterest: client secret as HTTP Basic, no PKCE (fakes/pinterest.mjs); its API is on the fake networks' server.
    Publishing__Pinterest__AuthorizeUrl: `${url}/pinterest/oauth/`,
    Publishing__Pinterest__TokenUrl: `${url}/pinterest/v5/oauth/token`,
    Publishing__Pinterest__AccountUrl: `${url}/pinterest/v5/user_account`,
    Publishing__Pinterest__ClientId: pinterestClientId,
    Publishing__Pinterest__ClientSecret: pinterestClientSecret,
    // YouTube: Google's OAuth with PKCE and offline access (fakes/youtube.mjs); uploads go to the fake networks' server.
    Publishing__YouTube__AuthorizeUrl: `${url}/youtube/authorize`,
    Publishing__YouTube__TokenUrl: `${url}/youtube/token`,
    Publishing__YouTube__AccountUrl: `${url}/youtube/youtube/v3/channels?part=snippet&mine=true`,
    Publishing__YouTube__ClientId: youTubeClientId,
    Publishing__YouTube__ClientSecret: youTubeClientSecret,
    // TikTok: Login Kit v2 for the web, client_key, no PKCE (fakes/tiktok.mjs); posting goes to the fake networks' server.
    Publishing__TikTok__AuthorizeUrl: `${url}/tiktok/v2/auth/authorize/`,
    Publishing__TikTok__TokenUrl: `${url}/tiktok/v2/oauth/token/`,
    Publishing__TikTok__AccountUrl: `${url}/tiktok/v2/user/info/?fields=open_id,union_id,avatar_url,display_name`,
    Publishing__TikTok__ClientId: tikTokClientKey,
    Publishing__TikTok__ClientSecret: tikTokClientSecret,
    E2E_OAUTH_URL: url,
  };
}

const s256 = (verifier) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export function createFakeOAuth() {
  const codes = new Map();
  const tokens = new Set();
  const stats = { authorizations: 0, exchanges: 0, verifiedExchanges: 0, refused: 0 };

  const send = (response, status, body, headers = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (request.method === 'GET' && url.pathname === '/__stats') return send(response, 200, stats);
    if (url.pathname.startsWith('/threads/')) return answerThreads(request, response, url, send);
    if (/^\/(google|drive|__drive)\//.test(url.pathname) && answerDrive(request, response, url, send) !== false) return;
    if (url.pathname.startsWith('/pinterest/')) return answerPinterestOAuth(request, response, url, send);
    if (url.pathname.startsWith('/youtube/')) return answerYouTubeOAuth(request, response, url, send);
    if (url.pathname.startsWith('/tiktok/')) return answerTikTokOAuth(request, response, url, send);

    if (request.method === 'GET' && url.pathname === '/linkedin/authorize') {
      const q = url.searchParams;
      const redirect = q.get('redirect_uri');
      if (q.get('response_type') !== 'code' || q.get('client_id') !== clientId || !redirect) {
        return send(response, 400, {
          error: 'invalid_request',
          error_description: 'response_type, client_id and redirect_uri are required.',
        });
      }
      if (q.get('code_challenge_method') !== 'S256' || (q.get('code_challenge') ?? '').length !== 43) {
        return send(response, 400, { error: 'invalid_request', error_description: 'PKCE with S256 is required.' });
      }
      stats.authorizations++;
      const back = new URL(redirect);
      back.searchParams.set('state', q.get('state') ?? '');
      const code = `code-${randomUUID()}`;
      codes.set(code, { challenge: q.get('code_challenge'), redirect });
      back.searchParams.set('code', code);
      response.writeHead(302, { Location: back.toString() });
      return response.end();
    }

    if (request.method === 'POST' && url.pathname === '/linkedin/token') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        stats.exchanges++;
        if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          stats.refused++;
          return send(response, 400, { error: 'invalid_request', error_description: 'Form-encoded bodies only.' });
        }
        const form = new URLSearchParams(body);
        if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
          stats.refused++;
          return send(response, 401, { error: 'invalid_client' });
        }
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (
          form.get('grant_type') !== 'authorization_code' ||
          !issued ||
          issued.redirect !== form.get('redirect_uri') ||
          s256(form.get('code_verifier') ?? '') !== issued.challenge
        ) {
          stats.refused++;
          return send(response, 400, {
            error: 'invalid_grant',
            error_description: 'Code, redirect URI or PKCE verifier mismatch.',
          });
        }
        stats.verifiedExchanges++;
        const access = `at-${randomUUID()}`;
        tokens.add(access);
        return send(response, 200, {
          access_token: access,
          expires_in: 5_184_000,
          refresh_token: `rt-${randomUUID()}`,
          refresh_token_expires_in: 31_536_000,
          scope: 'openid,profile,w_member_social',
          token_type: 'Bearer',
        });
      });
      return;
    }

    if (request.method === 'GET' && url.pathname === '/linkedin/v2/userinfo') {
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!tokens.has(token))
        return send(response, 401, { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 });
      return send(response, 200, {
        sub: 'e2eMember42',
        name: 'Ada Admin',
        given_name: 'Ada',
        family_name: 'Admin',
        email: 'ada@example.com',
        email_verified: true,
        locale: { country: 'GB', language: 'en' },
      });
    }

    return send(response, 404, { message: 'Not found' });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 0);
  const server = createFakeOAuth();
  server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
