// The social networks the publisher calls, faked on loopback with their real wire format, so that the journeys can
// publish a post and see the network's answer (src/Infrastructure/Publishing/Publishers.cs):
//   LinkedIn  POST /rest/posts           LinkedIn-Version + X-Restli-Protocol-Version 2.0.0, JSON; 201, id in x-restli-id
//   X         POST /2/tweets             JSON { text, media?, reply?: { in_reply_to_tweet_id } }; 201 { data: { id, text } };
//                                        a reply to a post it never made is refused (400), as X refuses a deleted one
//   Media     LinkedIn's Images and Videos APIs and X's chunked media upload (media-uploads.mjs); a post naming media
//             that were not uploaded and processed is refused
//   Facebook  POST /v23.0/{page-id}/feed form message + access_token; 200 { id: "{page-id}_{post-id}" }
//   Comments  POST /v23.0/{object-id}/comments (Graph API: a Page post or an IG Media) form message + access_token;
//             200 { id }. LinkedIn POST /rest/socialActions/{post-urn}/comments JSON { actor, object, message: { text } };
//             201 { $URN, id, ... }. A Threads reply is a container with reply_to_id. Comments on an object the fake never
//             made are refused.
//   Pinterest /v5/boards, /v5/pins, /v5/media (pinterest.mjs)
//   YouTube   POST /upload/youtube/v3/videos?uploadType=resumable, then PUT of the bytes (youtube.mjs)
//   TikTok    /v2/post/publish/ creator_info, video/init, chunk PUTs, status/fetch (tiktok.mjs)
//   Bluesky   XRPC (bluesky.mjs): createSession with the app password, refreshSession, resolveHandle, uploadBlob,
//             createRecord of app.bsky.feed.post (facets checked against the text's UTF-8 bytes); { uri, cid }
// A bearer token (or access_token) must start with "e2e-", as a real network refuses a token it did not issue.
// GET /_fake/requests lists what each network received, so a journey can count the posts (exactly once each).
//
// It runs in its own process (`node e2e/fakes/platforms.mjs` prints its address): run.mjs waits for the journeys with
// spawnSync, which blocks its own event loop, so a server inside run.mjs would never answer.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { answerBluesky } from './bluesky.mjs';
import { answerMediaUploads, mediaOf } from './media-uploads.mjs';
import { answerMetrics } from './metrics.mjs';
import { answerPinterest } from './pinterest.mjs';
import { answerTikTok } from './tiktok.mjs';
import { answerYouTube } from './youtube.mjs';

const tokenPrefix = 'e2e-';

function send(response, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json' } : {}),
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function bearer(request) {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function createPlatformsServer() {
  const received = [];
  const containers = new Map();
  // What the fake has posted, so that a reply or a comment on something else is refused as the network would.
  const made = new Set();
  let nextId = 7_260_000_000_000_000_000n;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const bytes = await readBody(request);
    const raw = bytes.toString('utf8');

    if (request.method === 'GET' && url.pathname === '/_fake/requests') return send(response, 200, received);
    const origin = `http://${request.headers.host}`;
    const id = () => String(nextId++);
    const video =
      answerMediaUploads(request, url, bytes, id, origin) ??
      answerPinterest(request, url, raw, id, origin) ??
      answerYouTube(request, url, bytes, id, origin) ??
      answerTikTok(request, url, bytes, id, origin);
    if (video) {
      if (video.record) received.push(video.record);
      return send(response, video.status, video.body, video.headers);
    }
    const metrics = answerMetrics(request, url, raw, () => String(nextId++));
    if (metrics) {
      if (metrics.record) received.push(metrics.record);
      return send(response, metrics.status, metrics.body);
    }
    if (url.pathname.startsWith('/xrpc/')) {
      const answer = answerBluesky(request, url, raw, () => String(nextId++));
      if (answer.record) received.push(answer.record);
      return send(response, answer.status, answer.body, answer.headers);
    }

    if (request.method === 'POST' && url.pathname === '/rest/posts') {
      if (!bearer(request)?.startsWith(tokenPrefix)) {
        return send(response, 401, {
          status: 401,
          serviceErrorCode: 65600,
          code: 'INVALID_ACCESS_TOKEN',
          message: 'Invalid access token',
        });
      }
      if (
        !/^\d{6}$/.test(request.headers['linkedin-version'] ?? '') ||
        request.headers['x-restli-protocol-version'] !== '2.0.0'
      ) {
        return send(response, 426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version is not active' });
      }
      const body = JSON.parse(raw || '{}');
      if (!body.author?.startsWith('urn:li:') || typeof body.commentary !== 'string' || body.lifecycleState !== 'PUBLISHED') {
        return send(response, 422, {
          status: 422,
          code: 'UNPROCESSABLE_ENTITY',
          message: 'author, commentary and lifecycleState are required',
        });
      }
      const attached = mediaOf('linkedIn', body);
      if (attached.error) return send(response, 400, { status: 400, message: attached.error });
      const id = `urn:li:share:${nextId++}`;
      made.add(id);
      received.push({
        platform: 'linkedIn',
        id,
        author: body.author,
        text: body.commentary,
        version: request.headers['linkedin-version'],
        media: attached.media,
      });
      return send(response, 201, undefined, { 'x-restli-id': id, 'x-linkedin-id': id });
    }

    if (request.method === 'POST' && url.pathname === '/2/tweets') {
      if (!bearer(request)?.startsWith(tokenPrefix)) {
        return send(response, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      }
      const body = JSON.parse(raw || '{}');
      if (typeof body.text !== 'string' || body.text.length === 0) {
        return send(response, 400, {
          errors: [{ message: 'text is required' }],
          title: 'Invalid Request',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        });
      }
      const attached = mediaOf('x', body);
      if (attached.error) return send(response, 400, { title: 'Invalid Request', detail: attached.error, status: 400 });
      const replyTo = body.reply?.in_reply_to_tweet_id ?? null;
      if (replyTo !== null && !made.has(replyTo)) {
        return send(response, 400, {
          errors: [{ message: 'The Tweet you are replying to has been deleted or is not visible to you.' }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        });
      }
      const id = String(nextId++);
      made.add(id);
      received.push({ platform: 'x', id, text: body.text, media: attached.media, replyTo });
      return send(response, 201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } });
    }

    // Threads: a container (POST /v1.0/{user}/threads), then POST /v1.0/{user}/threads_publish with creation_id.
    const threads = /^\/v1\.0\/([^/]+)\/(threads|threads_publish)$/.exec(url.pathname);
    if (request.method === 'POST' && threads) {
      if (!bearer(request)?.startsWith(tokenPrefix)) {
        return send(response, 400, {
          error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 },
        });
      }
      const form = new URLSearchParams(raw);
      if (threads[2] === 'threads') {
        const replyTo = form.get('reply_to_id');
        if (replyTo !== null && !made.has(replyTo)) {
          return send(response, 400, {
            error: { message: 'The post to reply to does not exist', type: 'OAuthException', code: 100 },
          });
        }
        containers.set(`c${nextId}`, { user: threads[1], text: form.get('text'), type: form.get('media_type'), replyTo });
        return send(response, 200, { id: `c${nextId++}` });
      }
      const container = containers.get(form.get('creation_id') ?? '');
      if (!container || container.user !== threads[1]) {
        return send(response, 400, { error: { message: 'Invalid creation_id', type: 'OAuthException', code: 100 } });
      }
      containers.delete(form.get('creation_id'));
      const id = String(nextId++);
      made.add(id);
      received.push({
        platform: 'threads',
        id,
        user: threads[1],
        text: container.text,
        mediaType: container.type,
        ...(container.replyTo ? { kind: 'comment', parent: container.replyTo } : {}),
      });
      return send(response, 200, { id });
    }

    const feed = /^\/v\d+\.\d+\/([^/]+)\/feed$/.exec(url.pathname);
    if (request.method === 'POST' && feed) {
      const form = new URLSearchParams(raw);
      if (!form.get('access_token')?.startsWith(tokenPrefix)) {
        return send(response, 400, {
          error: {
            message: 'Invalid OAuth access token - Cannot parse access token',
            type: 'OAuthException',
            code: 190,
            fbtrace_id: 'Afake',
          },
        });
      }
      const id = `${decodeURIComponent(feed[1])}_${nextId++}`;
      made.add(id);
      received.push({ platform: 'facebook', id, text: form.get('message') });
      return send(response, 200, { id });
    }

    const graphComment = /^\/v\d+\.\d+\/([^/]+)\/comments$/.exec(url.pathname);
    if (request.method === 'POST' && graphComment) {
      const form = new URLSearchParams(raw);
      const parent = decodeURIComponent(graphComment[1]);
      if (!form.get('access_token')?.startsWith(tokenPrefix)) {
        return send(response, 400, { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } });
      }
      if (!made.has(parent) || !form.get('message')) {
        return send(response, 400, {
          error: {
            message: `(#100) Object with ID '${parent}' does not exist or lacks a message`,
            type: 'GraphMethodException',
            code: 100,
          },
        });
      }
      const id = `${parent}_c${nextId++}`;
      received.push({ platform: 'facebook', kind: 'comment', id, parent, text: form.get('message') });
      return send(response, 200, { id });
    }

    const linkedInComment = /^\/rest\/socialActions\/([^/]+)\/comments$/.exec(url.pathname);
    if (request.method === 'POST' && linkedInComment) {
      if (!bearer(request)?.startsWith(tokenPrefix)) {
        return send(response, 401, { status: 401, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' });
      }
      if (
        !/^\d{6}$/.test(request.headers['linkedin-version'] ?? '') ||
        request.headers['x-restli-protocol-version'] !== '2.0.0'
      ) {
        return send(response, 426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version is not active' });
      }
      const target = decodeURIComponent(linkedInComment[1]);
      const body = JSON.parse(raw || '{}');
      if (
        !made.has(target) ||
        body.object !== target ||
        !body.actor?.startsWith('urn:li:') ||
        typeof body.message?.text !== 'string'
      ) {
        return send(response, 422, {
          status: 422,
          code: 'UNPROCESSABLE_ENTITY',
          message: 'actor, object and message.text are required',
        });
      }
      const commentId = String(nextId++);
      const urn = `urn:li:comment:(${target},${commentId})`;
      received.push({
        platform: 'linkedIn',
        kind: 'comment',
        id: urn,
        parent: target,
        actor: body.actor,
        text: body.message.text,
      });
      return send(
        response,
        201,
        { $URN: urn, id: commentId, actor: body.actor, object: target, message: body.message },
        { 'x-restli-id': urn },
      );
    }

    return send(response, 404, { message: `The fake networks have no ${request.method} ${url.pathname}.` });
  });

  return server;
}

/** The API's settings that point each publisher at `url` (Publishing:{Platform}:BaseUrl). */
function environmentFor(url) {
  return {
    Publishing__LinkedIn__BaseUrl: url,
    Publishing__X__BaseUrl: url,
    Publishing__Facebook__BaseUrl: `${url}/v23.0`,
    Publishing__Instagram__BaseUrl: `${url}/v23.0`,
    Publishing__GoogleBusiness__BaseUrl: url,
    Analytics__GoogleBusinessPerformanceUrl: url,
    Publishing__Bluesky__BaseUrl: url,
    Publishing__Threads__BaseUrl: `${url}/v1.0`,
    Publishing__Pinterest__BaseUrl: url,
    Publishing__YouTube__BaseUrl: url,
    Publishing__TikTok__BaseUrl: url,
  };
}

/** Starts the fake networks in a child process on a free loopback port; resolves with their URL, the API's settings and stop(). */
export async function startPlatforms() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line).url));
    child.once('exit', (code) => reject(new Error(`The fake networks stopped at start (exit ${code}).`)));
  });
  return {
    url,
    environment: environmentFor(url),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = createPlatformsServer();
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
  });
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
