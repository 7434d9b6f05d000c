import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { AssetPreviewDialog } from '../assets/AssetPreviewDialog';
import { useBrands } from '../brands/api';
import { useChatMessages, useChatSessions, type ChatSession } from './api';
import { LiveView, MessageView } from './Messages';
import { SessionList } from './SessionList';
import type { ChatCitation } from './stream';
import { historyBefore, useChatStream } from './useChatStream';
import styles from './chat.module.css';

const maxQuestionLength = 4000;

/** The brand strategist: answers stream in as they are written, grounded in the workspace's files, with sources. */
export default function ChatPage() {
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session');
  const sessions = useChatSessions();
  const [citation, setCitation] = useState<ChatCitation | null>(null);

  const select = useCallback(
    (id: string | null, replace = false) => setParams(id ? { session: id } : {}, { replace }),
    [setParams],
  );
  const stream = useChatStream({ onSession: (session: ChatSession) => select(session.id, true) });
  const { reset } = stream;

  const switchTo = (id: string | null) => {
    if (id === sessionId) return;
    reset();
    select(id);
  };

  return (
    <>
      <PageHeader
        title="Strategist chat"
        description="Ask about your brand, audience and content. Answers quote your files and cite them: open a source to see the passage."
      />
      <div className={styles.layout}>
        <SessionList
          sessions={sessions}
          activeId={sessionId}
          onSelect={switchTo}
          onDeleted={(id) => {
            if (id === sessionId) {
              reset();
              select(null, true);
            }
          }}
        />
        {/* Not keyed by session: a new chat's first answer names its session, and the composer keeps focus meanwhile. */}
        <Conversation sessionId={sessionId} stream={stream} onCite={setCitation} />
      </div>
      <AssetPreviewDialog
        assetId={citation?.assetId ?? null}
        name={citation?.assetName}
        passage={citation ?? undefined}
        onClose={() => setCitation(null)}
      />
    </>
  );
}

interface ConversationProps {
  sessionId: string | null;
  stream: ReturnType<typeof useChatStream>;
  onCite: (citation: ChatCitation) => void;
}

function Conversation({ sessionId, stream, onCite }: ConversationProps) {
  const history = useChatMessages(sessionId);
  const brands = useBrands();
  const [companyId, setCompanyId] = useState('');
  const { live, busy, announcement } = stream;
  const end = useRef<HTMLDivElement>(null);
  const shownLive = live && (live.sessionId ?? null) === sessionId ? live : null;
  const messages = historyBefore(history.data ?? [], shownLive);

  // Keeps the newest words in view as they arrive, unless the user has scrolled up to read.
  useEffect(() => {
    const element = end.current;
    if (!element || typeof element.scrollIntoView !== 'function') return;
    const rect = element.getBoundingClientRect();
    if (rect.top < window.innerHeight + 200) element.scrollIntoView({ block: 'end' });
  }, [shownLive?.answer, messages.length]);

  const send = (message: string) => {
    stream.send({ message, sessionId, companyId: sessionId ? null : companyId || null });
  };

  return (
    <section className={styles.conversation} aria-label="Conversation">
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <div className={styles.thread}>
        {sessionId && history.isPending && <LoadingState label="Loading the conversation" rows={4} />}
        {sessionId && history.isError && (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
        )}
        {!sessionId && !shownLive && (
          <div className={styles.welcome}>
            <h2 className={styles.welcomeTitle}>What would you like to know?</h2>
            <p className="muted">
              The strategist reads your brand profile and the text of your uploaded files. Try “Who is our audience?” or “What do
              our documents say about our tone of voice?”
            </p>
            {brands.data && brands.data.length > 0 && (
              <div className={styles.brandPicker}>
                <label className="field__label" htmlFor="chat-brand">
                  About
                </label>
                <select
                  id="chat-brand"
                  className="select select--sm"
                  value={companyId}
                  onChange={(e) => setCompanyId(e.target.value)}
                >
                  <option value="">All brands</option>
                  {brands.data.map((brand) => (
                    <option key={brand.id} value={brand.id}>
                      {brand.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
        )}
        {messages.length > 0 && (
          <ol className={styles.messages} aria-label="Messages">
            {messages.map((message) => (
              <li key={message.id}>
                <MessageView message={message} onCite={onCite} />
              </li>
            ))}
          </ol>
        )}
        {shownLive && <LiveView exchange={shownLive} onCite={onCite} onRetry={stream.retry} onDismiss={stream.reset} />}
        <div ref={end} className={styles.end} />
      </div>
      <Composer busy={busy} onSend={send} onStop={stream.stop} />
    </section>
  );
}

function Composer({ busy, onSend, onStop }: { busy: boolean; onSend: (message: string) => void; onStop: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const message = text.trim();
    if (busy) return;
    if (!message) {
      setError('Write a question first.');
      return;
    }
    if (message.length > maxQuestionLength) {
      setError(`Keep the question to ${maxQuestionLength.toLocaleString('en-GB')} characters.`);
      return;
    }
    setError(null);
    setText('');
    onSend(message);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an input method's composition is neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form
      className={styles.composer}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <label htmlFor="chat-message" className="visually-hidden">
        Message the strategist
      </label>
      <textarea
        id="chat-message"
        className={`textarea ${styles.input}`}
        rows={2}
        value={text}
        placeholder="Ask the strategist…"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'chat-message-error' : 'chat-message-hint'}
      />
      <div className={styles.composerBar}>
        {error ? (
          <p className="field__error" id="chat-message-error">
            {error}
          </p>
        ) : (
          <p className="small muted" id="chat-message-hint">
            Enter sends · Shift+Enter for a new line
          </p>
        )}
        {busy ? (
          <Button icon="x" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" variant="primary" icon="send">
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
