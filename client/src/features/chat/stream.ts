import { ApiError, apiFetch, apiUrl } from '../../api';
import type { components } from '../../api/schema.gen';
import { readServerSentEvents } from './sse';

export type ChatRequest = components['schemas']['ChatRequest'];
export type ChatCitation = components['schemas']['ChatCitation'];

/** The events of POST /api/v1/ai/chat, as AskStrategist writes them (Application/Ai/AiDtos.cs). */
export interface ChatSessionEvent {
  sessionId: string;
  title: string;
  questionId: string;
  provider: string;
  model: string;
  offline: boolean;
  note?: string | null;
}

export interface ChatDoneEvent {
  messageId: string;
  usage: { inputTokens: number; outputTokens: number };
  provider: string;
  model: string;
  offline: boolean;
  citations: number;
}

export type ChatStreamEvent =
  | { type: 'session'; data: ChatSessionEvent }
  | { type: 'delta'; data: { text: string } }
  | { type: 'citation'; data: ChatCitation }
  | { type: 'done'; data: ChatDoneEvent }
  | { type: 'error'; data: { message: string; messageId?: string | null } };

const known = new Set(['session', 'delta', 'citation', 'done', 'error']);

/**
 * Asks the strategist and yields the answer's events as they arrive. Goes through the app's fetch wrapper, so the
 * bearer token is sent and a 401 renews the session once. A refusal before the stream starts (quota, unknown
 * session, validation) rejects with the server's problem details; a connection that drops mid-answer rejects with
 * a `network` ApiError; aborting `signal` stops reading and closes the connection (the server keeps what was said).
 */
export async function* streamChat(request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatStreamEvent> {
  const response = await apiFetch(
    new Request(apiUrl('/api/v1/ai/chat'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(request),
      signal,
    }),
  );
  if (!response.ok) throw await ApiError.fromResponse(response);
  if (!response.body) throw ApiError.network(new Error('The answer had no body.'));

  let finished = false;
  try {
    for await (const event of readServerSentEvents(response.body)) {
      if (!known.has(event.event)) continue;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        continue;
      }
      const typed = { type: event.event, data } as ChatStreamEvent;
      if (typed.type === 'done' || typed.type === 'error') finished = true;
      yield typed;
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // The body stopped mid-answer: the connection (or the server) went away.
    throw ApiError.network(error);
  }
  if (!finished && !signal.aborted) {
    throw ApiError.network(new Error('The answer stopped before it was complete.'));
  }
}
