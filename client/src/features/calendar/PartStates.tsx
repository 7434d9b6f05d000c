import { useState } from 'react';
import { errorMessage } from '../../api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import { labelOf, publishOutcomeLabels } from '../../lib/labels';
import { useRetryFirstComments } from './api';
import { takesFirstComment } from './composer/followUps';
import styles from './calendar.module.css';
import type { ContentItem, ContentVariant, PublishPart } from './types';

/** The outcome in words: "Published", "Will try again", "Refused by the network"... */
function outcomeLabel(outcome: string): string {
  return labelOf(publishOutcomeLabels, outcome.charAt(0).toLowerCase() + outcome.slice(1));
}

function PartLine({ label, part, waiting, text }: { label: string; part?: PublishPart; waiting: string; text?: string }) {
  const published = part?.outcome.toLowerCase() === 'published';
  return (
    <li data-testid="part-state">
      <span>{label}: </span>
      <Badge tone={!part ? 'neutral' : published ? 'success' : 'warning'}>{part ? outcomeLabel(part.outcome) : waiting}</Badge>
      {part?.platformPostId && published && (
        <span className="small">
          {' '}
          id <code>{part.platformPostId}</code>
        </span>
      )}
      {part?.error && !published && <span className="small field__error"> {part.error}</span>}
      {text && <p className={styles.variantText}>{text}</p>}
    </li>
  );
}

/**
 * How each part of a post went on one network: the thread's parts in order and the first comment, each posted (with the
 * network's id), failed (with the reason in words) or waiting; a published post's failed first comment can be sent again.
 */
export function PartStates({ item, variant, canWrite }: { item: ContentItem; variant: ContentVariant; canWrite: boolean }) {
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const retry = useRetryFirstComments();
  const send = () => {
    setFailure(null);
    retry.mutateAsync(item.id).then(
      () => toast.success('The first comment is being sent again.'),
      (error: unknown) => setFailure(errorMessage(error)),
    );
  };
  const thread = variant.platform === 'x' ? (variant.options?.thread ?? []) : [];
  const comment = takesFirstComment(variant.platform) ? variant.options?.firstComment : null;
  if (thread.length === 0 && !comment) return null;
  const parts = (item.parts ?? []).filter((part) => part.platform === variant.platform);
  const waiting =
    item.state === 'published' || item.state === 'publishing' || item.state === 'scheduled' ? 'Waiting' : 'Not sent';
  const commentPart = parts.find((part) => part.kind === 'firstComment');
  const count = thread.length + 1;
  const canRetry = canWrite && item.state === 'published' && !!comment && commentPart?.outcome.toLowerCase() !== 'published';
  return (
    <div className="stack stack--sm">
      <ul className="small" aria-label={`Parts on ${variant.platform === 'x' ? 'X' : 'this network'}`}>
        {thread.length > 0 &&
          Array.from({ length: count }, (_, index) => (
            <PartLine
              key={index}
              label={`Part ${index + 1} of ${count}`}
              part={parts.find((part) => part.kind !== 'firstComment' && part.part === index + 1)}
              waiting={waiting}
              text={index === 0 ? undefined : thread[index - 1]}
            />
          ))}
        {comment && <PartLine label="First comment" part={commentPart} waiting={waiting} text={comment} />}
      </ul>
      {canRetry && (
        <div className="cluster">
          <Button size="sm" loading={retry.isPending} onClick={send}>
            Send the first comment again
          </Button>
          {failure && <span className="small field__error">{failure}</span>}
        </div>
      )}
    </div>
  );
}
