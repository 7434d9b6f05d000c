import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { labelOf, publishOutcomeLabels } from '../../lib/labels';
import { useToast } from '../../components/Toaster';
import { hasRole, useSession } from '../auth/useSession';
import { newIdempotencyKey, useCancelContent, useDeleteContent, usePublishNow, useSubmitContent } from './api';
import { dayOf, formatInstant, formatLongDay, timeOf } from './dates';
import { MoveForm } from './MoveForm';
import { PartStates } from './PartStates';
import { platformLimits } from './limits';
import { canCancel, canEdit, canMove, canPublishNow, postUrl, stateLabels, stateTones } from './presentation';
import { PostLinks } from './PostLinks';
import { ReviewActions } from './ReviewActions';
import { SeriesActions } from './recurring/SeriesActions';
import { QueueButton } from '../queue/QueueButton';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

interface PostDialogProps {
  item: ContentItem;
  timeZone: string;
  approvalRequired: boolean;
  onClose: () => void;
  onEdit: () => void;
  /** Moves (or schedules) the post to a wall-clock time in the workspace's zone: `2026-10-27T09:00`. */
  onMove: (at: string) => void;
}

type Confirming = 'cancel' | 'delete' | 'publish' | null;

/**
 * A post's details and what can be done with it now: the keyboard's way to move it ("Move to…"), publish it now,
 * cancel, edit, send for approval, approve or reject, delete. Each network's outcome links to the published post.
 */
export function PostDialog({ item, timeZone, approvalRequired, onClose, onEdit, onMove }: PostDialogProps) {
  const session = useSession();
  const canWrite = hasRole(session, 'editor');
  const isAdmin = hasRole(session, 'admin');
  const toast = useToast();
  const cancel = useCancelContent();
  const publish = usePublishNow();
  const submit = useSubmitContent();
  const remove = useDeleteContent();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per "Publish now" decision: a retry after a lost answer is the same request.
  const [publishKey, setPublishKey] = useState(newIdempotencyKey);
  const movable = canMove(item) || ['approved', 'failed', 'cancelled'].includes(item.state);

  const act = (action: Promise<unknown>, done: string, close = false) => {
    setFailure(null);
    action.then(
      () => {
        toast.success(done);
        setConfirming(null);
        if (close) onClose();
      },
      (error: unknown) => setFailure(errorMessage(error)),
    );
  };

  return (
    <Dialog open onClose={onClose} title={item.title} size="lg">
      <div className="stack">
        <div className="cluster">
          <Badge tone={stateTones[item.state]}>{stateLabels[item.state]}</Badge>
          <span className="muted">
            {item.scheduledLocal
              ? `${formatLongDay(dayOf(item.scheduledLocal))}, ${timeOf(item.scheduledLocal)} (${timeZone})`
              : 'No time yet'}
          </span>
          {item.publishedAt && <span className="muted">Published {formatInstant(item.publishedAt, timeZone)}</span>}
        </div>

        {item.connectionWarnings.length > 0 && (
          <Alert tone="warning" live={false} title="This post may not go out">
            <ul className={styles.warnings}>
              {item.connectionWarnings.map((warning) => (
                <li key={warning.platform}>
                  {warning.message} <Link to="/app/automation/connections">{warning.action}</Link>
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {item.lastError && (
          <Alert tone={item.state === 'unconfirmed' ? 'warning' : 'error'} live={false} title="Last attempt">
            {item.lastError}
          </Alert>
        )}
        {item.reviewComment && (
          <Alert tone="info" live={false} title="Reviewer’s comment">
            {item.reviewComment}
          </Alert>
        )}
        <SeriesActions item={item} canWrite={canWrite} onDone={onClose} />

        <ul className={styles.variants}>
          {item.variants.map((variant) => {
            const result = item.results.find((r) => r.platform === variant.platform);
            const url = result ? postUrl(result) : null;
            return (
              <li key={variant.platform} className={styles.variant}>
                <div className="cluster">
                  <strong>{platformLimits[variant.platform].name}</strong>
                  {result && (
                    <Badge tone={result.outcome.toLowerCase() === 'published' ? 'success' : 'warning'}>
                      {labelOf(publishOutcomeLabels, result.outcome)}
                    </Badge>
                  )}
                </div>
                <p className={styles.variantText}>{variant.text}</p>
                {result?.platformPostId && (
                  <p className="small">
                    Post id: <code>{result.platformPostId}</code>
                    {url && (
                      <>
                        {' · '}
                        <a href={url} target="_blank" rel="noreferrer">
                          View on {platformLimits[variant.platform].name} <Icon name="external" />
                        </a>
                      </>
                    )}
                  </p>
                )}
                {result?.error && <p className="small field__error">{result.error}</p>}
                <PartStates item={item} variant={variant} canWrite={canWrite} />
              </li>
            );
          })}
        </ul>

        <PostLinks postId={item.id} />
        {failure && <Alert tone="error">{failure}</Alert>}

        {canWrite && movable && <MoveForm item={item} timeZone={timeZone} onMove={onMove} />}

        {isAdmin && item.state === 'inReview' && <ReviewActions item={item} onDone={onClose} />}

        {confirming === 'cancel' && (
          <Alert tone="warning" title="Cancel this post?" live={false}>
            It will not be sent. You can schedule it again later.
          </Alert>
        )}
        {confirming === 'delete' && (
          <Alert tone="warning" title="Delete this post?" live={false}>
            It is removed from the calendar for everyone.
          </Alert>
        )}
        {confirming === 'publish' && (
          <Alert tone="warning" title="Publish again?" live={false}>
            The last attempt’s answer was lost: the post may already be online. Check the network first.
          </Alert>
        )}

        {canWrite && (
          <div className={styles.actions}>
            {confirming ? (
              <>
                <Button onClick={() => setConfirming(null)}>Keep it</Button>
                {confirming === 'cancel' && (
                  <Button
                    variant="danger"
                    loading={cancel.isPending}
                    onClick={() => act(cancel.mutateAsync(item.id), `“${item.title}” was cancelled.`)}
                  >
                    Cancel post
                  </Button>
                )}
                {confirming === 'delete' && (
                  <Button
                    variant="danger"
                    loading={remove.isPending}
                    onClick={() => act(remove.mutateAsync(item.id), `“${item.title}” was deleted.`, true)}
                  >
                    Delete post
                  </Button>
                )}
                {confirming === 'publish' && (
                  <Button
                    variant="primary"
                    loading={publish.isPending}
                    onClick={() =>
                      act(publish.mutateAsync({ id: item.id, key: publishKey }), `“${item.title}” is being published.`)
                    }
                  >
                    Publish now
                  </Button>
                )}
              </>
            ) : (
              <>
                {canEdit(item) && (
                  <Button icon="pencil" onClick={onEdit}>
                    Edit
                  </Button>
                )}
                {approvalRequired && item.state === 'draft' && (
                  <Button
                    loading={submit.isPending}
                    onClick={() => act(submit.mutateAsync(item.id), `“${item.title}” was sent for approval.`)}
                  >
                    Submit for approval
                  </Button>
                )}
                {canPublishNow(item, approvalRequired) && (
                  <Button
                    variant="primary"
                    icon="send"
                    loading={publish.isPending}
                    onClick={() => {
                      if (item.state === 'unconfirmed') {
                        setPublishKey(newIdempotencyKey());
                        setConfirming('publish');
                      } else {
                        act(publish.mutateAsync({ id: item.id, key: publishKey }), `“${item.title}” is being published.`);
                      }
                    }}
                  >
                    Publish now
                  </Button>
                )}
                <QueueButton item={item} approvalRequired={approvalRequired} onFailure={setFailure} />
                {canCancel(item) && item.state !== 'draft' && (
                  <Button variant="danger-ghost" onClick={() => setConfirming('cancel')}>
                    Cancel post
                  </Button>
                )}
                {item.state !== 'publishing' && (
                  <Button variant="danger-ghost" icon="trash" onClick={() => setConfirming('delete')}>
                    Delete
                  </Button>
                )}
              </>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
