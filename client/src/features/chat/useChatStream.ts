import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../../api';
import { useChatKeys, type ChatMessage, type ChatSession } from './api';
import { streamChat, type ChatCitation, type ChatRequest } from './stream';

export type ExchangeStatus = 'waiting' | 'streaming' | 'failed' | 'stopped';

/** The question being answered now, and the answer so far. */
export interface LiveExchange {
  request: ChatRequest;
  sessionId: string | null;
  questionId: string | null;
  answer: string;
  citations: ChatCitation[];
  provider: string | null;
  offline: boolean;
  note: string | null;
  status: ExchangeStatus;
  /** Why it failed: the server's error event, a refusal, or a lost connection. */
  error: ApiError | null;
  /** The sentence to show for the failure: the server's own words for an error event or a refusal. */
  errorMessage: string | null;
  failedMessageId: string | null;
  /** A network failure or an error event mid-answer can be tried again; a refusal (402, 400, 404) cannot. */
  retryable: boolean;
}

interface Options {
  /** The answer started in `sessionId` (new or existing). */
  onSession?: (session: ChatSession) => void;
}

/**
 * Streams answers for the chat page: one exchange at a time, aborted when the page unmounts or the user stops it.
 * A finished answer moves into the session's message history (the cache, then the server's copy); the exchange in
 * progress, or the one that failed, stays live so that it can be retried.
 */
export function useChatStream({ onSession }: Options = {}) {
  const keys = useChatKeys();
  const queryClient = useQueryClient();
  const [live, setLive] = useState<LiveExchange | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const controller = useRef<AbortController | null>(null);
  const liveRef = useRef<LiveExchange | null>(null);
  const onSessionRef = useRef(onSession);

  useEffect(() => {
    onSessionRef.current = onSession;
  }, [onSession]);

  useEffect(() => () => controller.current?.abort(), []);

  // The exchange lives in a ref, the source of truth, and is mirrored into state for rendering: events that arrive
  // together are handled before React renders, and each must build on the one before it.
  const set = useCallback((next: LiveExchange | null) => {
    liveRef.current = next;
    setLive(next);
  }, []);
  const update = useCallback(
    (change: (current: LiveExchange) => LiveExchange) => {
      if (liveRef.current) set(change(liveRef.current));
    },
    [set],
  );

  /** Moves an exchange that ended (stopped or failed) into the history, as the server has kept it. */
  const fold = useCallback(
    (exchange: LiveExchange) => {
      if (!exchange.sessionId || !exchange.questionId) return;
      const now = new Date().toISOString();
      const state = exchange.status === 'failed' ? 'failed' : 'interrupted';
      queryClient.setQueryData<ChatMessage[]>(keys.messages(exchange.sessionId), (messages = []) =>
        appendOnce(messages, [
          question(exchange.questionId!, exchange.request.message, now),
          ...(exchange.answer || exchange.failedMessageId
            ? [answer(exchange.failedMessageId ?? `${exchange.questionId}-answer`, exchange, state, now)]
            : []),
        ]),
      );
      void queryClient.invalidateQueries({ queryKey: keys.messages(exchange.sessionId) });
    },
    [keys, queryClient],
  );

  const run = useCallback(
    async (request: ChatRequest) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const start: LiveExchange = {
        request,
        sessionId: request.sessionId ?? null,
        questionId: null,
        answer: '',
        citations: [],
        provider: null,
        offline: false,
        note: null,
        status: 'waiting',
        error: null,
        errorMessage: null,
        failedMessageId: null,
        retryable: false,
      };
      set(start);
      setAnnouncement('The strategist is answering.');

      try {
        for await (const event of streamChat(request, abort.signal)) {
          switch (event.type) {
            case 'session': {
              const { sessionId, title, questionId, provider, offline, note } = event.data;
              // A new session starts with an empty history, so the page shows no loading state for it.
              if (!queryClient.getQueryData(keys.messages(sessionId))) {
                queryClient.setQueryData<ChatMessage[]>(keys.messages(sessionId), []);
              }
              update((current) => ({ ...current, sessionId, questionId, provider, offline, note: note ?? null }));
              const now = new Date().toISOString();
              const session: ChatSession = {
                id: sessionId,
                companyId: request.companyId ?? null,
                title,
                createdAt: now,
                updatedAt: now,
              };
              queryClient.setQueryData<ChatSession[]>(keys.sessions, (all) =>
                all ? [session, ...all.filter((item) => item.id !== sessionId)] : all,
              );
              onSessionRef.current?.(session);
              break;
            }
            case 'delta':
              update((current) => ({ ...current, status: 'streaming', answer: current.answer + event.data.text }));
              break;
            case 'citation':
              update((current) =>
                current.citations.some((c) => c.marker === event.data.marker)
                  ? current
                  : { ...current, citations: [...current.citations, event.data] },
              );
              break;
            case 'done': {
              const finished = liveRef.current!;
              const sessionId = finished.sessionId!;
              const now = new Date().toISOString();
              // The history may have been fetched while the answer was written, and already hold both messages.
              queryClient.setQueryData<ChatMessage[]>(keys.messages(sessionId), (messages = []) =>
                appendOnce(messages, [
                  question(finished.questionId!, request.message, now),
                  answer(event.data.messageId, { ...finished, provider: event.data.provider }, 'complete', now),
                ]),
              );
              void queryClient.invalidateQueries({ queryKey: keys.messages(sessionId) });
              void queryClient.invalidateQueries({ queryKey: keys.sessions });
              set(null);
              setAnnouncement(
                `Answer complete${finished.citations.length ? ` with ${plural(finished.citations.length, 'source')}` : ''}: ${finished.answer.slice(0, 600)}`,
              );
              return;
            }
            case 'error':
              update((current) => ({
                ...current,
                status: 'failed',
                error: new ApiError('http', 502, { title: 'The answer failed', detail: event.data.message }),
                errorMessage: event.data.message,
                failedMessageId: event.data.messageId ?? null,
                retryable: true,
              }));
              setAnnouncement('');
              return;
          }
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        const failure = isApiError(error) ? error : ApiError.network(error);
        update((current) => ({
          ...current,
          status: 'failed',
          error: failure,
          errorMessage: failure.userMessage,
          retryable: failure.isNetwork || failure.status >= 500 || failure.status === 429,
        }));
        setAnnouncement('');
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [keys, queryClient, set, update],
  );

  /** Asks `message`; an exchange that ended before it moves into the history first. */
  const send = useCallback(
    (request: ChatRequest) => {
      const previous = liveRef.current;
      if (previous && previous.status !== 'waiting' && previous.status !== 'streaming') fold(previous);
      void run(request);
    },
    [fold, run],
  );

  /** Stops the answer: the connection closes, and the server keeps what was written so far as interrupted. */
  const stop = useCallback(() => {
    const current = liveRef.current;
    controller.current?.abort();
    controller.current = null;
    if (!current) return;
    set(null);
    fold({ ...current, status: 'stopped' });
    setAnnouncement('Stopped.');
  }, [fold, set]);

  /** Asks the failed question again, in the session it was asked in. */
  const retry = useCallback(() => {
    const failed = liveRef.current;
    if (!failed) return;
    fold(failed);
    void run({ ...failed.request, sessionId: failed.sessionId ?? failed.request.sessionId ?? null });
  }, [fold, run]);

  /** Leaves the exchange (switching session, starting a new chat): any answer in progress is stopped. */
  const reset = useCallback(() => {
    const current = liveRef.current;
    controller.current?.abort();
    controller.current = null;
    if (current) fold(current);
    set(null);
    setAnnouncement('');
  }, [fold, set]);

  const busy = live?.status === 'waiting' || live?.status === 'streaming';
  return { live, busy, announcement, send, stop, retry, reset };
}

/** Adds the messages the history does not hold yet, by id. */
function appendOnce(messages: ChatMessage[], added: ChatMessage[]) {
  const known = new Set(messages.map((message) => message.id));
  return [...messages, ...added.filter((message) => !known.has(message.id))];
}

/**
 * The history to show above the exchange being written: a fetch of the session's messages made while the answer
 * streams (opening a new session, a refocused window) may already hold the question and the part of the answer the
 * server has kept, which the live exchange shows.
 */
export function historyBefore(messages: ChatMessage[], live: LiveExchange | null) {
  if (!live?.questionId) return messages;
  const index = messages.findIndex((message) => message.id === live.questionId);
  return index < 0 ? messages : messages.slice(0, index);
}

function question(id: string, content: string, createdAt: string): ChatMessage {
  return {
    id,
    author: 'user',
    content,
    citations: [],
    state: 'complete',
    provider: null,
    model: null,
    inputTokens: 0,
    outputTokens: 0,
    createdAt,
  };
}

function answer(id: string, exchange: LiveExchange, state: ChatMessage['state'], createdAt: string): ChatMessage {
  return {
    id,
    author: 'assistant',
    content: exchange.answer,
    citations: exchange.citations,
    state,
    provider: exchange.provider,
    model: null,
    inputTokens: 0,
    outputTokens: 0,
    createdAt,
  };
}

function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
