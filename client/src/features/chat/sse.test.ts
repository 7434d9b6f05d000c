import { describe, expect, it, vi } from 'vitest';
import { authResponse, json, problem } from '../../test/render';
import { sessionStore } from '../../api';
import { readServerSentEvents, ServerSentEventParser } from './sse';
import { streamChat } from './stream';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('readServerSentEvents', () => {
  it('yields events whole, however the chunks split their lines', async () => {
    const events = await collect(
      readServerSentEvents(
        streamOf(['ev', 'ent: del', 'ta\nda', 'ta: {"text":"Hel', 'lo"}\n', '\n', 'event: delta\ndata: {"text":" world"}\n\n']),
      ),
    );
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Hello"}' },
      { event: 'delta', data: '{"text":" world"}' },
    ]);
  });

  it('keeps a multi-byte character split across two chunks', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"“café” ☕"}\n\n');
    const cut = bytes.indexOf(0xe2) + 1; // inside the three bytes of the opening quote
    const events = await collect(readServerSentEvents(streamOf([bytes.slice(0, cut), bytes.slice(cut)])));
    expect(JSON.parse(events[0]!.data)).toEqual({ text: '“café” ☕' });
  });

  it('reads CRLF and CR line endings, even with CR and LF in different chunks', async () => {
    const events = await collect(readServerSentEvents(streamOf(['event: a\r', '\ndata: 1\r\n\r', '\nevent: b\rdata: 2\r\r'])));
    expect(events).toEqual([
      { event: 'a', data: '1' },
      { event: 'b', data: '2' },
    ]);
  });

  it('joins data lines, skips comments, defaults the name and drops an unfinished event', async () => {
    const events = await collect(
      readServerSentEvents(streamOf([': keep-alive\n\n', 'data: line one\ndata:line two\nid: 7\n\n', 'event: done\ndata: {}'])),
    );
    expect(events).toEqual([{ event: 'message', data: 'line one\nline two', id: '7' }]);
  });

  it('ignores an event with no data', () => {
    const parser = new ServerSentEventParser();
    expect([...parser.push('event: ping\n\n')]).toEqual([]);
  });
});

describe('streamChat', () => {
  it('sends the bearer token and, after a 401, renews the session once and asks again', async () => {
    sessionStore.set(authResponse({ accessToken: 'old', refreshToken: 'r-old' }));
    const seen: { path: string; auth: string | null; body: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const request = input instanceof Request ? input : new Request(input);
        const path = new URL(request.url).pathname;
        seen.push({ path, auth: request.headers.get('Authorization'), body: await request.clone().text() });
        if (path === '/api/v1/auth/refresh') return json(authResponse({ accessToken: 'new', refreshToken: 'r-new' }));
        if (request.headers.get('Authorization') !== 'Bearer new') return problem(401, { title: 'Unauthorized' });
        return new Response(streamOf(['event: delta\ndata: {"text":"Hi"}\n\n', 'event: done\ndata: {"messageId":"m1"}\n\n']), {
          headers: { 'Content-Type': 'text/event-stream' },
        });
      }),
    );

    const events = await collect(streamChat({ message: 'Hello?' }, new AbortController().signal));

    expect(events.map((e) => e.type)).toEqual(['delta', 'done']);
    expect(seen.map((s) => [s.path, s.auth])).toEqual([
      ['/api/v1/ai/chat', 'Bearer old'],
      ['/api/v1/auth/refresh', null],
      ['/api/v1/ai/chat', 'Bearer new'],
    ]);
    expect(JSON.parse(seen[2]!.body)).toEqual({ message: 'Hello?' });
  });

  it('rejects with the server’s problem when it refuses before streaming', async () => {
    sessionStore.set(authResponse());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(402, { title: 'Quota', detail: 'This month’s AI requests are used up.' })),
    );
    await expect(collect(streamChat({ message: 'Hello?' }, new AbortController().signal))).rejects.toMatchObject({
      status: 402,
      userMessage: 'This month’s AI requests are used up.',
    });
  });

  it('calls a stream that ends without done or error a lost connection', async () => {
    sessionStore.set(authResponse());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(streamOf(['event: delta\ndata: {"text":"Half"}\n\n']), { status: 200 })),
    );
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of streamChat({ message: 'Hello?' }, new AbortController().signal)) seen.push(event.type);
      })(),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(seen).toEqual(['delta']);
  });
});
