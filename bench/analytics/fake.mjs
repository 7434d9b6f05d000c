// bench/analytics: the five networks' read APIs of client/e2e/fakes/metrics.mjs (their wire formats, the same answers
// the journeys get), on loopback, counting what each network receives: requests per network and per access token (one
// token per connection, so per account, which is how the networks count their per-user limits), and when the first
// and the last of them arrived. GET /_bench/counts reads the counts, POST /_bench/reset clears them.
// Prints {"url": ...} on its first line.
import { createServer } from 'node:http';
import { answerMetrics } from '../../client/e2e/fakes/metrics.mjs';

let counts = {};
let next = 1;

function network(path, token) {
  if (path.startsWith('/rest/')) return 'linkedIn';
  if (path.startsWith('/2/')) return 'x';
  if (path.includes(':fetchMultiDailyMetricsTimeSeries')) return 'googleBusiness';
  // The Graph API serves both Facebook Pages and Instagram: the bench names each connection's token after its network.
  return token?.startsWith('bench-instagram-') ? 'instagram' : 'facebook';
}

function count(name, token) {
  const now = Date.now();
  const entry = (counts[name] ??= { requests: 0, tokens: {}, first: now, last: now });
  entry.requests++;
  entry.last = now;
  entry.tokens[token ?? ''] = (entry.tokens[token ?? ''] ?? 0) + 1;
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const send = (status, body) => {
      const text = JSON.stringify(body);
      response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
    };
    if (url.pathname === '/_bench/counts') return send(200, counts);
    if (url.pathname === '/_bench/reset') {
      counts = {};
      return send(200, {});
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? url.searchParams.get('access_token');
    const answer = answerMetrics(request, url, Buffer.concat(chunks).toString('utf8'), () => next++);
    if (!answer) return send(404, { message: `The fake has no ${request.method} ${url.pathname}` });
    count(network(decodeURIComponent(url.pathname), token), token);
    send(answer.status, answer.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
