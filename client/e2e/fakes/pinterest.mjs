// Pinterest as the journeys use it (developers.pinterest.com/docs/api/v5): OAuth on the fake authorisation server
// (GET /pinterest/oauth/ consents at once; POST /pinterest/v5/oauth/token takes the code or refresh grant with the
// client's credentials as HTTP Basic, no PKCE; GET /pinterest/v5/user_account says whose token it is) and the API on
// the fake networks' server: GET /v5/boards (one page), POST /v5/pins (board, description, media_source image_url or
// video_id), POST /v5/media + the upload form + GET /v5/media/{id} for videos. Errors are { code, message }.
import { randomUUID } from 'node:crypto';

export const pinterestClientId = 'e2e-pinterest-client';
export const pinterestClientSecret = 'e2e-pinterest-secret';
export const pinterestBoards = [
  { id: '549755885175', name: 'Bakes we love', description: 'Breads and buns', privacy: 'PUBLIC' },
  { id: '549755885176', name: 'Shop interiors', description: '', privacy: 'SECRET' },
];

const codes = new Map();
const basic = `Basic ${Buffer.from(`${pinterestClientId}:${pinterestClientSecret}`).toString('base64')}`;

/** The authorisation server's part (on the OAuth fake). */
export function answerPinterestOAuth(request, response, url, send) {
  const q = url.searchParams;
  if (request.method === 'GET' && url.pathname === '/pinterest/oauth/') {
    const redirect = q.get('redirect_uri');
    if (q.get('response_type') !== 'code' || q.get('client_id') !== pinterestClientId || !redirect) {
      return send(response, 400, { code: 1, message: 'client_id, redirect_uri and response_type=code are required' });
    }
    if (!(q.get('scope') ?? '').split(',').includes('pins:write')) {
      return send(response, 400, { code: 1, message: 'The pins:write scope is required' });
    }
    const code = `code-${randomUUID()}`;
    codes.set(code, redirect);
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    response.writeHead(302, { Location: back.toString() });
    return response.end();
  }
  if (request.method === 'POST' && url.pathname === '/pinterest/v5/oauth/token') {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      if (request.headers.authorization !== basic) return send(response, 401, { code: 2, message: 'Authentication failed.' });
      if (form.get('grant_type') === 'authorization_code') {
        const redirect = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!redirect || redirect !== form.get('redirect_uri')) {
          return send(response, 400, { code: 1, message: 'Invalid authorization code or redirect_uri.' });
        }
      } else if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token')?.startsWith('e2e-pinterest-refresh-')) {
        return send(response, 400, { code: 1, message: 'Invalid grant.' });
      }
      return send(response, 200, {
        access_token: `e2e-pinterest-${randomUUID()}`,
        refresh_token: `e2e-pinterest-refresh-${randomUUID()}`,
        response_type: 'authorization_code',
        token_type: 'bearer',
        expires_in: 2_592_000,
        refresh_token_expires_in: 31_536_000,
        scope: 'boards:read,pins:read,pins:write,user_accounts:read',
      });
    });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/pinterest/v5/user_account') {
    if (!(request.headers.authorization ?? '').startsWith('Bearer e2e-pinterest-')) {
      return send(response, 401, { code: 2, message: 'Authentication failed.' });
    }
    return send(response, 200, {
      id: '1120000000000042',
      username: 'fjordbakery',
      business_name: 'Fjord Bakery',
      account_type: 'BUSINESS',
    });
  }
  return send(response, 404, { code: 3, message: `The fake Pinterest has no ${request.method} ${url.pathname}` });
}

/**
 * The API's part (on the fake networks' server): an answer { status, body, record? } for a Pinterest path, or null
 * when the path is not Pinterest's. `origin` is the server's own address (for the upload form's address).
 */
export function answerPinterest(request, url, raw, nextId, origin) {
  const isPinterest = url.pathname.startsWith('/v5/') || url.pathname === '/pinterest-upload/';
  if (!isPinterest) return null;
  if (url.pathname === '/pinterest-upload/') return { status: 204 };
  if (!(request.headers.authorization ?? '').startsWith('Bearer e2e-')) {
    return { status: 401, body: { code: 2, message: 'Authentication failed.' } };
  }
  if (request.method === 'GET' && url.pathname === '/v5/boards')
    return { status: 200, body: { items: pinterestBoards, bookmark: null } };
  if (request.method === 'POST' && url.pathname === '/v5/media') {
    const id = nextId();
    return {
      status: 201,
      body: { media_id: id, media_type: 'video', upload_url: `${origin}/pinterest-upload/`, upload_parameters: { key: id } },
    };
  }
  if (request.method === 'GET' && url.pathname.startsWith('/v5/media/')) {
    return { status: 200, body: { media_id: url.pathname.split('/').pop(), media_type: 'video', status: 'succeeded' } };
  }
  if (request.method === 'POST' && url.pathname === '/v5/pins') {
    const pin = JSON.parse(raw || '{}');
    const source = pin.media_source ?? {};
    if (!pinterestBoards.some((board) => board.id === pin.board_id)) {
      return { status: 400, body: { code: 1, message: 'Invalid board_id.' } };
    }
    if (!(source.source_type === 'image_url' ? source.url : source.source_type === 'video_id' && source.media_id)) {
      return { status: 400, body: { code: 1, message: 'Invalid media_source.' } };
    }
    const id = nextId();
    const record = {
      platform: 'pinterest',
      id,
      boardId: pin.board_id,
      title: pin.title ?? null,
      text: pin.description ?? '',
      link: pin.link ?? null,
      sourceType: source.source_type,
    };
    return { status: 201, body: { id, board_id: pin.board_id, title: pin.title, description: pin.description }, record };
  }
  return { status: 404, body: { code: 3, message: `The fake Pinterest has no ${request.method} ${url.pathname}` } };
}
