import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { offlineProvider, type ChatMessage } from './api';
import { AnswerText, CitationChip, isResults } from './AnswerText';
import type { ChatCitation } from './stream';
import type { LiveExchange } from './useChatStream';
import styles from './chat.module.css';

/** A question or a stored answer, with its sources. */
export function MessageView({ message, onCite }: { message: ChatMessage; onCite: (citation: ChatCitation) => void }) {
  if (message.author === 'user') {
    return (
      <article className={styles.question} aria-label="Your question">
        <p>{message.content}</p>
      </article>
    );
  }
  return (
    <article className={styles.answer} aria-label="Answer">
      <AnswerMeta offline={message.provider === offlineProvider} />
      {message.content ? (
        <AnswerText text={message.content} citations={message.citations} onCite={onCite} />
      ) : (
        <p className="muted">No answer was written.</p>
      )}
      {message.state === 'interrupted' && <p className={styles.stateNote}>Stopped before the answer was complete.</p>}
      {message.state === 'failed' && <p className={styles.stateNote}>The answer failed part-way. Ask again to retry.</p>}
      <Sources citations={message.citations} onCite={onCite} />
    </article>
  );
}

interface LiveViewProps {
  exchange: LiveExchange;
  onCite: (citation: ChatCitation) => void;
  onRetry: () => void;
  onDismiss: () => void;
}

/** The exchange being written: the question, the answer as it streams, and what to do when it fails. */
export function LiveView({ exchange, onCite, onRetry, onDismiss }: LiveViewProps) {
  const writing = exchange.status === 'waiting' || exchange.status === 'streaming';
  return (
    <div className={styles.messages}>
      <article className={styles.question} aria-label="Your question">
        <p>{exchange.request.message}</p>
      </article>
      <article className={styles.answer} aria-label={writing ? 'Answer being written' : 'Answer'} aria-busy={writing}>
        {exchange.provider && <AnswerMeta offline={exchange.offline} note={exchange.note} />}
        {exchange.answer && <AnswerText text={exchange.answer} citations={exchange.citations} onCite={onCite} />}
        {exchange.status === 'waiting' && (
          <p className={styles.typing}>
            <span className={styles.dots} aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            The strategist is thinking…
          </p>
        )}
        {exchange.status === 'streaming' && <span className={styles.caret} aria-hidden="true" />}
        <Sources citations={exchange.citations} onCite={onCite} />
        {exchange.status === 'failed' && exchange.error && (
          <div className="stack stack--sm">
            <Alert
              tone="error"
              title={exchange.error.isNetwork ? 'The connection was lost' : exchange.answer ? 'The answer stopped' : 'No answer'}
            >
              {exchange.error.isNetwork
                ? 'The answer could not reach you. Check your connection, then try again.'
                : exchange.errorMessage}
            </Alert>
            <div className="cluster">
              {exchange.retryable && (
                <Button variant="primary" icon="refresh" onClick={onRetry}>
                  Try again
                </Button>
              )}
              <Button variant="ghost" onClick={onDismiss}>
                Dismiss
              </Button>
            </div>
          </div>
        )}
      </article>
    </div>
  );
}

function AnswerMeta({ offline, note }: { offline: boolean; note?: string | null }) {
  if (!offline) return null;
  // Said once, here: the answer itself carries no disclaimer. The API's note is for API clients; its wording may
  // change, so the page keeps its own short sentence.
  return (
    <p className={styles.meta} title={note ?? undefined}>
      <Badge tone="warning">Offline answer</Badge> <span className="small muted">{offlineNote}</span>
    </p>
  );
}

const offlineNote = 'Quoted from your documents and brand profile; no AI model wrote it.';

function Sources({ citations, onCite }: { citations: ChatCitation[]; onCite: (citation: ChatCitation) => void }) {
  if (citations.length === 0) return null;
  const sorted = [...citations].sort((a, b) => a.marker - b.marker);
  return (
    <div className={styles.sources}>
      <p className="small muted">Sources</p>
      <ul className={styles.sourceList}>
        {sorted.map((citation) => (
          <li key={citation.marker}>
            <CitationChip citation={citation} onCite={onCite} />
            {isResults(citation) ? (
              <Link to={citation.link!} className={styles.sourceName}>
                {citation.assetName} <span className="muted">(your analytics)</span>
              </Link>
            ) : (
              <button type="button" className={styles.sourceName} onClick={() => onCite(citation)}>
                {citation.assetName}
                {citation.page ? `, page ${citation.page}` : ''}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
