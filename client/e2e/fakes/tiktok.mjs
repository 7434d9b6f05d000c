// TikTok as the journeys use it: Login Kit v2 for the web on the fake authorisation server (GET
// /tiktok/v2/auth/authorize/ with client_key, no PKCE; POST /tiktok/v2/oauth/token/ with client_key and client_secret in
// the form; GET /tiktok/v2/user/info/) and the Content Posting API on the fake networks' server: creator_info/query,
// video/init (FILE_UPLOAD), the chunk PUTs to the upload address, and status/fetch (PROCESSING_UPLOAD once, then
// PUBLISH_COMPLETE). Every answer carries TikTok's { error: { code: 'ok' | name, message, log_id } }.
import { randomUUID } from 'node:crypto';

export const tikTokClientKey = 'e2e-tiktok-key';
export const tikTokClientSecret = 'e2e-tiktok-secret';

const codes = new Map();
const uploads = new Map();
const posts = new Map();
const ok = (data) => ({ data, error: { code: 'ok', message: '', log_id: 'e2e' } });
const failure = (code, message) => ({ error: { code, message, log_id: 'e2e' } });

/** The authorisation server's part (on the OAuth fake). */
export function answerTikTokOAuth(request, response, url, send) {
  const q = url.searchParams;
  if (request.method === 'GET' && url.pathname === '/tiktok/v2/auth/authorize/') {
    const redirect = q.get('redirect_uri');
    if (q.get('client_key') !== tikTokClientKey || q.get('response_type') !== 'code' || !redirect) {
      return send(response, 400, {
        error: 'invalid_request',
        error_description: 'client_key, response_type and redirect_uri are required.',
      });
    }
    if (!(q.get('scope') ?? '').split(',').includes('video.publish')) {
      return send(response, 400, { error: 'invalid_scope', error_description: 'video.publish is required.' });
    }
    const code = `code-${randomUUID()}`;
    codes.set(code, redirect);
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('scopes', q.get('scope'));
    back.searchParams.set('state', q.get('state') ?? '');
    response.writeHead(302, { Location: back.toString() });
    return response.end();
  }
  if (request.method === 'POST' && url.pathname === '/tiktok/v2/oauth/token/') {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      if (form.get('client_key') !== tikTokClientKey || form.get('client_secret') !== tikTokClientSecret) {
        return send(response, 200, {
          error: 'invalid_client',
          error_description: 'Client key or secret is invalid.',
          log_id: 'e2e',
        });
      }
      const redirect = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const refreshing =
        form.get('grant_type') === 'refresh_token' && form.get('refresh_token')?.startsWith('e2e-tiktok-refresh-');
      if (
        !refreshing &&
        (form.get('grant_type') !== 'authorization_code' || !redirect || redirect !== form.get('redirect_uri'))
      ) {
        return send(response, 200, {
          error: 'invalid_grant',
          error_description: 'Authorization code is expired.',
          log_id: 'e2e',
        });
      }
      return send(response, 200, {
        access_token: `e2e-tiktok-${randomUUID()}`,
        expires_in: 86_400,
        open_id: 'tiktok-open-fjord',
        refresh_token: `e2e-tiktok-refresh-${randomUUID()}`,
        refresh_expires_in: 31_536_000,
        scope: 'user.info.basic,video.publish',
        token_type: 'Bearer',
      });
    });
    return;
  }
  if (request.method === 'GET' && url.pathname === '/tiktok/v2/user/info/') {
    if (!(request.headers.authorization ?? '').startsWith('Bearer e2e-tiktok-')) {
      return send(response, 401, failure('access_token_invalid', 'The access token is invalid or not found in the request.'));
    }
    return send(response, 200, ok({ user: { open_id: 'tiktok-open-fjord', display_name: 'Fjord Bakery' } }));
  }
  return send(response, 404, failure('not_found', `The fake TikTok has no ${request.method} ${url.pathname}`));
}

/** The Content Posting API's part (on the fake networks' server): { status, body, record? }, or null for other paths. */
export function answerTikTok(request, url, bytes, nextId, origin) {
  const path = url.pathname;
  if (!path.startsWith('/v2/post/publish/') && path !== '/tiktok-upload/') return null;
  if (path === '/tiktok-upload/') {
    const upload = uploads.get(url.searchParams.get('upload_id') ?? '');
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers['content-range'] ?? '');
    if (!upload || !range || Number(range[1]) !== upload.received || bytes.length !== Number(range[2]) - Number(range[1]) + 1) {
      return { status: 416, body: failure('range_not_satisfiable', 'The chunk does not continue the upload.') };
    }
    upload.received += bytes.length;
    if (upload.received < upload.size) return { status: 206 };
    posts.get(upload.publishId).uploaded = true;
    return { status: 201 };
  }
  if (!(request.headers.authorization ?? '').startsWith('Bearer e2e-')) {
    return { status: 401, body: failure('access_token_invalid', 'The access token is invalid or not found in the request.') };
  }
  const body = JSON.parse(bytes.toString('utf8') || '{}');
  if (path === '/v2/post/publish/creator_info/query/') {
    return {
      status: 200,
      body: ok({
        creator_nickname: 'Fjord Bakery',
        creator_username: 'fjordbakery',
        creator_avatar_url: 'https://p16.tiktokcdn.example/fjord.jpeg',
        privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
        comment_disabled: false,
        duet_disabled: false,
        stitch_disabled: true,
        max_video_post_duration_sec: 600,
      }),
    };
  }
  if (path === '/v2/post/publish/video/init/') {
    const info = body.post_info ?? {};
    const source = body.source_info ?? {};
    if (!['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'].includes(info.privacy_level)) {
      return {
        status: 400,
        body: failure('privacy_level_option_mismatch', 'privacy_level is not one of the creator’s options.'),
      };
    }
    if (source.source !== 'FILE_UPLOAD' || !(source.video_size > 0) || source.total_chunk_count < 1) {
      return { status: 400, body: failure('invalid_params', 'source_info is not a valid FILE_UPLOAD.') };
    }
    const publishId = `v_pub_file~v2-1.${nextId()}`;
    const uploadId = `tt${nextId()}`;
    uploads.set(uploadId, { size: source.video_size, received: 0, publishId });
    posts.set(publishId, { info, size: source.video_size, uploaded: false, polls: 0 });
    return { status: 200, body: ok({ publish_id: publishId, upload_url: `${origin}/tiktok-upload/?upload_id=${uploadId}` }) };
  }
  if (path === '/v2/post/publish/status/fetch/') {
    const post = posts.get(body.publish_id);
    if (!post) return { status: 400, body: failure('invalid_publish_id', 'No such publish_id.') };
    post.polls++;
    if (!post.uploaded || post.polls === 1) return { status: 200, body: ok({ status: 'PROCESSING_UPLOAD', uploaded_bytes: 0 }) };
    if (!post.id) post.id = `73${nextId()}`;
    const record = post.recorded
      ? undefined
      : {
          platform: 'tikTok',
          id: post.id,
          text: post.info.title,
          privacy: post.info.privacy_level,
          disableComment: !!post.info.disable_comment,
          disableStitch: !!post.info.disable_stitch,
          bytes: post.size,
        };
    post.recorded = true;
    return { status: 200, body: ok({ status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [post.id] }), record };
  }
  return { status: 404, body: failure('not_found', `The fake TikTok has no ${request.method} ${path}`) };
}
