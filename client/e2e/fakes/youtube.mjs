// YouTube as the journeys use it: Google's OAuth on the fake authorisation server (GET /youtube/authorize wants PKCE
// S256 and offline access; POST /youtube/token checks the client's credentials in the form and SHA-256 of the
// code_verifier; GET /youtube/youtube/v3/channels?mine=true says whose channel it is) and the Data API v3 resumable
// upload on the fake networks' server: POST /upload/youtube/v3/videos?uploadType=resumable with the metadata answers
// the session in Location; a PUT of exactly the announced bytes there makes the video. Errors are Google's shape.
import { createHash, randomUUID } from 'node:crypto';

export const youTubeClientId = 'e2e-youtube-client';
export const youTubeClientSecret = 'e2e-youtube-secret';

const codes = new Map();
const sessions = new Map();
const googleError = (code, reason, message) => ({ error: { code, message, errors: [{ reason, message, domain: 'youtube' }] } });

/** The authorisation server's part (on the OAuth fake). */
export function answerYouTubeOAuth(request, response, url, send) {
  const q = url.searchParams;
  if (request.method === 'GET' && url.pathname === '/youtube/authorize') {
    const redirect = q.get('redirect_uri');
    if (
      q.get('client_id') !== youTubeClientId ||
      !redirect ||
      q.get('code_challenge_method') !== 'S256' ||
      q.get('access_type') !== 'offline'
    ) {
      return send(response, 400, {
        error: 'invalid_request',
        error_description: 'client_id, PKCE S256 and access_type=offline are required.',
      });
    }
    const code = `code-${randomUUID()}`;
    codes.set(code, { redirect, challenge: q.get('code_challenge') });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    response.writeHead(302, { Location: back.toString() });
    return response.end();
  }
  if (request.method === 'POST' && url.pathname === '/youtube/token') {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== youTubeClientId || form.get('client_secret') !== youTubeClientSecret) {
        return send(response, 401, { error: 'invalid_client' });
      }
      if (form.get('grant_type') === 'authorization_code') {
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verified = createHash('sha256')
          .update(form.get('code_verifier') ?? '', 'ascii')
          .digest('base64url');
        if (!issued || issued.redirect !== form.get('redirect_uri') || issued.challenge !== verified) {
          return send(response, 400, { error: 'invalid_grant', error_description: 'Bad code, redirect URI or verifier.' });
        }
        return send(response, 200, {
          access_token: `e2e-youtube-${randomUUID()}`,
          refresh_token: `e2e-youtube-refresh-${randomUUID()}`,
          expires_in: 3599,
          token_type: 'Bearer',
          scope: 'https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly',
        });
      }
      if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token')?.startsWith('e2e-youtube-refresh-')) {
        return send(response, 200, { access_token: `e2e-youtube-${randomUUID()}`, expires_in: 3599, token_type: 'Bearer' });
      }
      return send(response, 400, { error: 'invalid_grant' });
    });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/youtube/youtube/v3/channels') {
    if (!(request.headers.authorization ?? '').startsWith('Bearer e2e-youtube-')) {
      return send(response, 401, googleError(401, 'authError', 'Invalid Credentials'));
    }
    return send(response, 200, {
      kind: 'youtube#channelListResponse',
      items: [
        {
          kind: 'youtube#channel',
          id: 'UCfjordbakery00000000042',
          snippet: { title: 'Fjord Bakery', customUrl: '@fjordbakery' },
        },
      ],
    });
  }
  return send(response, 404, googleError(404, 'notFound', `The fake YouTube has no ${request.method} ${url.pathname}`));
}

/** The Data API's part (on the fake networks' server): { status, body, headers?, record? }, or null for other paths. */
export function answerYouTube(request, url, body, nextId, origin) {
  if (url.pathname !== '/upload/youtube/v3/videos') return null;
  if (!(request.headers.authorization ?? '').startsWith('Bearer e2e-')) {
    return { status: 401, body: googleError(401, 'authError', 'Invalid Credentials') };
  }
  if (request.method === 'POST' && url.searchParams.get('uploadType') === 'resumable') {
    const metadata = JSON.parse(body.toString('utf8') || '{}');
    const size = Number(request.headers['x-upload-content-length']);
    const privacy = metadata.status?.privacyStatus;
    if (!metadata.snippet?.title || !['public', 'unlisted', 'private'].includes(privacy) || !(size > 0)) {
      return {
        status: 400,
        body: googleError(400, 'invalidTitle', 'A title, a privacy status and X-Upload-Content-Length are required.'),
      };
    }
    const upload = `up${nextId()}`;
    sessions.set(upload, { size, metadata });
    return { status: 200, headers: { Location: `${origin}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${upload}` } };
  }
  const session = sessions.get(url.searchParams.get('upload_id') ?? '');
  if (request.method === 'PUT' && session) {
    if (body.length !== session.size) return { status: 400, body: googleError(400, 'badContent', 'Wrong number of bytes.') };
    sessions.delete(url.searchParams.get('upload_id'));
    const id = `v${nextId()}`;
    const { snippet, status } = session.metadata;
    return {
      status: 200,
      body: { kind: 'youtube#video', id, snippet, status: { ...status, uploadStatus: 'uploaded' } },
      record: {
        platform: 'youTube',
        id,
        title: snippet.title,
        text: snippet.description,
        tags: snippet.tags ?? [],
        privacy: status.privacyStatus,
        bytes: body.length,
      },
    };
  }
  return { status: 404, body: googleError(404, 'notFound', 'No such upload session.') };
}
