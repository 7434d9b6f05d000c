// Threads' authorisation server and graph host as the connection uses them (developers.facebook.com/docs/threads):
// GET /threads/oauth/authorize consents at once; POST /threads/oauth/access_token takes the form-encoded code grant
// with the client's credentials and answers a short-lived token and user_id; GET /threads/access_token with
// grant_type=th_exchange_token makes it long-lived; GET /threads/refresh_access_token renews a long-lived token;
// GET /threads/v1.0/me?fields=id,username says whose it is. Errors have the Graph shape { error: { message, code } }.
import { randomUUID } from 'node:crypto';

export const threadsClientId = 'e2e-threads-client';
export const threadsClientSecret = 'e2e-threads-secret';

const codes = new Map();
const shortTokens = new Set();
const longTokens = new Set();
const graphError = (message, code = 190) => ({ error: { message, type: 'OAuthException', code, fbtrace_id: 'Afake' } });

export function answerThreads(request, response, url, send) {
  const q = url.searchParams;
  if (request.method === 'GET' && url.pathname === '/threads/oauth/authorize') {
    const redirect = q.get('redirect_uri');
    if (q.get('response_type') !== 'code' || q.get('client_id') !== threadsClientId || !redirect) {
      return send(response, 400, graphError('client_id, redirect_uri and response_type=code are required', 100));
    }
    if (!(q.get('scope') ?? '').split(',').includes('threads_content_publish')) {
      return send(response, 400, graphError('The threads_content_publish scope is required', 100));
    }
    const code = `code-${randomUUID()}`;
    codes.set(code, redirect);
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    response.writeHead(302, { Location: back.toString() });
    return response.end();
  }
  if (request.method === 'POST' && url.pathname === '/threads/oauth/access_token') {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const redirect = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (form.get('client_id') !== threadsClientId || form.get('client_secret') !== threadsClientSecret) {
        return send(response, 400, graphError('Error validating client secret', 1));
      }
      if (form.get('grant_type') !== 'authorization_code' || !redirect || redirect !== form.get('redirect_uri')) {
        return send(response, 400, graphError('Invalid verification code format', 100));
      }
      const token = `short-${randomUUID()}`;
      shortTokens.add(token);
      return send(response, 200, { access_token: token, user_id: 2500000042 });
    });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/threads/access_token') {
    if (
      q.get('grant_type') !== 'th_exchange_token' ||
      q.get('client_secret') !== threadsClientSecret ||
      !shortTokens.has(q.get('access_token'))
    ) {
      return send(response, 400, graphError('Invalid OAuth access token'));
    }
    const token = `e2e-threads-${randomUUID()}`;
    longTokens.add(token);
    return send(response, 200, { access_token: token, token_type: 'bearer', expires_in: 5_183_944 });
  }
  if (request.method === 'GET' && url.pathname === '/threads/refresh_access_token') {
    if (q.get('grant_type') !== 'th_refresh_token' || !longTokens.has(q.get('access_token'))) {
      return send(response, 400, graphError('Invalid OAuth access token'));
    }
    return send(response, 200, { access_token: q.get('access_token'), token_type: 'bearer', expires_in: 5_183_944 });
  }
  if (request.method === 'GET' && url.pathname === '/threads/v1.0/me') {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!longTokens.has(token)) return send(response, 400, graphError('Invalid OAuth access token'));
    return send(response, 200, { id: '2500000042', username: 'fjordbakery' });
  }
  return send(response, 404, graphError(`The fake Threads has no ${request.method} ${url.pathname}`, 100));
}
