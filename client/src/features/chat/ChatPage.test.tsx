import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore, type Asset } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import type { ChatMessage } from './api';
import ChatPage from './ChatPage';

// Each event crosses a stream, a parser and a render: on a busy machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

/** An answer the test writes chunk by chunk, as the API flushes it. */
function liveStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    raw: (text: string) => controller.enqueue(encoder.encode(text)),
    send: (event: string, data: unknown) =>
      controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    close: () => controller.close(),
    drop: () => controller.error(new TypeError('network error')),
  };
}

type Live = ReturnType<typeof liveStream>;

const session = {
  sessionId: 's1',
  title: 'What do our notes say about taste?',
  questionId: 'q1',
  provider: 'offline',
  model: 'offline',
  offline: true,
  note: 'Offline mode: no AI provider is configured.',
};

const citation = {
  marker: 1,
  assetId: 'a1',
  assetName: 'tasting-notes.txt',
  chunkId: 'c1',
  page: null,
  snippet: 'Our roast tastes of bergamot.',
  kind: 'document',
};

const notes: Asset = {
  id: 'a1',
  companyId: null,
  name: 'tasting-notes.txt',
  originalFileName: 'tasting-notes.txt',
  type: 'text',
  mediaType: 'text/plain',
  sizeBytes: 120,
  sha256: 'ab',
  state: 'ready',
  failureReason: null,
  width: null,
  height: null,
  durationSeconds: null,
  chunkCount: 1,
  tags: [],
  url: 'http://localhost/api/v1/files/k?sig=s',
  thumbnailUrl: null,
  previewUrl: null,
  createdAt: '2025-01-01T00:00:00Z',
  processedAt: '2025-01-01T00:00:01Z',
  status: 'current',
  version: 1,
};

type Message = ChatMessage;

/** What the API keeps of each session: the tests add what AskStrategist would have saved. */
const saved: Record<string, Message[]> = {};

function message(id: string, author: Message['author'], content: string, extra: Partial<Message> = {}): Message {
  return {
    id,
    author,
    content,
    citations: [],
    state: 'complete',
    provider: author === 'assistant' ? 'offline' : null,
    model: null,
    inputTokens: 0,
    outputTokens: 0,
    createdAt: '2025-01-01T00:00:00Z',
    ...extra,
  };
}

/** The API for the chat page: sessions, history, the asset, and each POST /ai/chat answered by the next stream. */
function serveChat(streams: (Live | (() => Response))[]) {
  for (const key of Object.keys(saved)) delete saved[key];
  const asked: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/ai/chat') {
        asked.push(await request.json());
        const next = streams.shift();
        if (!next) throw new Error('No answer prepared.');
        return typeof next === 'function' ? next() : next.response;
      }
      if (path === '/api/v1/ai/sessions') return json([]);
      const history = path.match(/^\/api\/v1\/ai\/sessions\/([^/]+)\/messages$/);
      if (history) return json(saved[history[1]!] ?? []);
      if (path === '/api/v1/companies') return json([]);
      if (path === '/api/v1/assets/a1') return json(notes);
      return json({}, 404);
    }),
  );
  return asked;
}

async function ask(question: string) {
  const user = userEvent.setup();
  const box = await screen.findByLabelText('Message the strategist');
  await user.type(box, question);
  await user.keyboard('{Enter}');
  return user;
}

describe('ChatPage', () => {
  it('streams the answer chunk by chunk, labels it offline, and announces it once when done', async () => {
    sessionStore.set(authResponse());
    const stream = liveStream();
    const asked = serveChat([stream]);
    renderPage(<ChatPage />, { path: '/app/chat' });

    await ask('What do our notes say about taste?');
    expect(asked).toEqual([{ message: 'What do our notes say about taste?', sessionId: null, companyId: null }]);
    expect(await screen.findByText('The strategist is thinking…')).toBeInTheDocument();

    act(() => stream.send('session', session));
    expect(await screen.findByText('Offline answer')).toBeInTheDocument();
    act(() => stream.send('delta', { text: 'Your notes say ' }));
    const answer = await screen.findByRole('article', { name: 'Answer being written' });
    await waitFor(() => expect(answer).toHaveTextContent('Your notes say'));
    expect(screen.queryByText('The strategist is thinking…')).not.toBeInTheDocument();
    // A chunk may end mid-word and mid-event.
    act(() => stream.raw('event: delta\ndata: {"text":"it tastes of berg'));
    act(() => stream.raw('amot [1]."}\n\n'));
    await waitFor(() => expect(answer).toHaveTextContent('Your notes say it tastes of bergamot [1].'));
    // The polite live region is not fed every token.
    const status = screen.getByText('The strategist is answering.');

    act(() => stream.send('citation', citation));
    saved.s1 = [
      message('q1', 'user', 'What do our notes say about taste?'),
      message('m1', 'assistant', 'Your notes say it tastes of bergamot [1].', { citations: [citation] }),
    ];
    expect(await within(answer).findAllByRole('button', { name: 'Source 1: tasting-notes.txt' })).toHaveLength(2);
    act(() =>
      stream.send('done', {
        messageId: 'm1',
        usage: { inputTokens: 0, outputTokens: 0 },
        provider: 'offline',
        model: 'offline',
        offline: true,
        citations: 1,
      }),
    );
    act(() => stream.close());

    const kept = await screen.findByRole('article', { name: 'Answer' });
    expect(kept).toHaveTextContent('Your notes say it tastes of bergamot');
    expect(within(kept).getByText('Offline answer')).toBeInTheDocument();
    await waitFor(() => expect(status).toHaveTextContent(/^Answer complete with 1 source: Your notes say it tastes of bergamot/));
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  });

  it('keeps every piece when the whole answer arrives in one chunk', async () => {
    sessionStore.set(authResponse());
    const stream = liveStream();
    serveChat([stream]);
    renderPage(<ChatPage />, { path: '/app/chat' });

    await ask('Taste?');
    const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
    saved.s1 = [message('q1', 'user', 'Taste?'), message('m1', 'assistant', 'One, two, three [1].', { citations: [citation] })];
    act(() => {
      stream.raw(
        event('session', session) +
          event('delta', { text: 'One, ' }) +
          event('delta', { text: 'two, ' }) +
          event('delta', { text: 'three [1].' }) +
          event('citation', citation) +
          event('done', {
            messageId: 'm1',
            usage: { inputTokens: 0, outputTokens: 0 },
            provider: 'offline',
            model: 'offline',
            offline: true,
            citations: 1,
          }),
      );
      stream.close();
    });

    await waitFor(() =>
      expect(screen.getByText(/^Answer complete/)).toHaveTextContent('Answer complete with 1 source: One, two, three [1].'),
    );
    expect(await screen.findByRole('article', { name: 'Answer' })).toHaveTextContent('One, two, three');
  });

  it('shows the answer once when the history is fetched while the answer is still being written', async () => {
    sessionStore.set(authResponse());
    const stream = liveStream();
    serveChat([stream]);
    renderPage(<ChatPage />, { path: '/app/chat' });

    await ask('Taste?');
    // The server has kept both messages before the last events reach the page; opening the new session fetches them.
    saved.s1 = [message('q1', 'user', 'Taste?'), message('m1', 'assistant', 'It tastes of bergamot.')];
    act(() => stream.send('session', session));
    act(() => stream.send('delta', { text: 'It tastes of bergamot.' }));
    await waitFor(() =>
      expect(screen.getByRole('article', { name: 'Answer being written' })).toHaveTextContent('It tastes of bergamot.'),
    );
    await waitFor(() => expect(screen.getAllByRole('article', { name: 'Your question' })).toHaveLength(1));
    expect(screen.queryByRole('article', { name: 'Answer' })).not.toBeInTheDocument();

    act(() =>
      stream.send('done', {
        messageId: 'm1',
        usage: { inputTokens: 0, outputTokens: 0 },
        provider: 'offline',
        model: 'offline',
        offline: true,
        citations: 0,
      }),
    );
    act(() => stream.close());
    await waitFor(() => expect(screen.getAllByRole('article', { name: 'Answer' })).toHaveLength(1));
    expect(screen.getAllByRole('article', { name: 'Your question' })).toHaveLength(1);
    expect(screen.queryByRole('article', { name: 'Answer being written' })).not.toBeInTheDocument();
  });

  it('opens the cited file’s preview, quoting the passage, from a citation chip', async () => {
    sessionStore.set(authResponse());
    const stream = liveStream();
    serveChat([stream]);
    renderPage(<ChatPage />, { path: '/app/chat' });

    await ask('Taste?');
    act(() => {
      stream.send('session', session);
      stream.send('delta', { text: 'Bergamot [1].' });
      stream.send('citation', citation);
    });
    const chips = await screen.findAllByRole('button', { name: 'Source 1: tasting-notes.txt' });
    await userEvent.setup().click(chips[0]!);

    const dialog = await screen.findByRole('dialog', { name: 'tasting-notes.txt' });
    expect(within(dialog).getByText('Our roast tastes of bergamot.')).toBeInTheDocument();
    expect(within(dialog).getByText(/Cited as source 1/)).toBeInTheDocument();
    expect(await within(dialog).findByRole('link', { name: 'Download' })).toHaveAttribute('href', notes.url);
    act(() => stream.close());
  });

  it('shows the server’s error with a retry that asks again in the same session', async () => {
    sessionStore.set(authResponse());
    const failing = liveStream();
    const second = liveStream();
    const asked = serveChat([failing, second]);
    renderPage(<ChatPage />, { path: '/app/chat' });

    const user = await ask('Taste?');
    act(() => {
      failing.send('session', session);
      failing.send('delta', { text: 'Half an' });
      failing.send('error', { message: 'The AI provider is unavailable. Try again in a moment.', messageId: 'm-failed' });
      failing.close();
    });
    saved.s1 = [message('q1', 'user', 'Taste?'), message('m-failed', 'assistant', 'Half an', { state: 'failed' })];
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The answer stopped');
    expect(alert).toHaveTextContent('The AI provider is unavailable. Try again in a moment.');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual({ message: 'Taste?', sessionId: 's1', companyId: null });
    act(() => {
      second.send('session', { ...session, questionId: 'q2' });
      second.send('delta', { text: 'Bergamot.' });
      saved.s1!.push(message('q2', 'user', 'Taste?'), message('m2', 'assistant', 'Bergamot.'));
      second.send('done', {
        messageId: 'm2',
        usage: { inputTokens: 0, outputTokens: 0 },
        provider: 'offline',
        model: 'offline',
        offline: true,
        citations: 0,
      });
      second.close();
    });
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(await screen.findByText('Bergamot.')).toBeInTheDocument();
    // The failed attempt stays in the history, marked as such.
    expect(screen.getByText('The answer failed part-way. Ask again to retry.')).toBeInTheDocument();
  });

  it('says a lost connection is one, with a retry, instead of leaving the answer blank', async () => {
    sessionStore.set(authResponse());
    const dropped = liveStream();
    const second = liveStream();
    serveChat([dropped, second]);
    renderPage(<ChatPage />, { path: '/app/chat' });

    const user = await ask('Taste?');
    act(() => {
      dropped.send('session', session);
      dropped.send('delta', { text: 'Half' });
      dropped.drop();
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The connection was lost');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The strategist is thinking…')).toBeInTheDocument();
    act(() => second.close());
  });

  it('sends on Enter, keeps Shift+Enter as a new line, and stops an answer on request', async () => {
    sessionStore.set(authResponse());
    const stream = liveStream();
    const asked = serveChat([stream]);
    renderPage(<ChatPage />, { path: '/app/chat' });
    const user = userEvent.setup();

    const box = await screen.findByLabelText('Message the strategist');
    await user.type(box, 'Line one{Shift>}{Enter}{/Shift}Line two');
    expect(box).toHaveValue('Line one\nLine two');
    expect(asked).toHaveLength(0);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(asked).toEqual([{ message: 'Line one\nLine two', sessionId: null, companyId: null }]));
    expect(box).toHaveValue('');

    act(() => {
      stream.send('session', session);
      stream.send('delta', { text: 'Partial' });
    });
    await screen.findByText('Partial');
    saved.s1 = [message('q1', 'user', 'Line one\nLine two'), message('m1', 'assistant', 'Partial', { state: 'interrupted' })];
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('Stopped before the answer was complete.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
  });
});
