import { errorMessage } from '../../api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime } from '../../lib/format';
import { useRedeliverWebhook, useWebhookAttempts, type WebhookAttempt } from './api';
import styles from './webhooks.module.css';

/** What each attempt came to, in words. */
function outcome(attempt: WebhookAttempt): string {
  if (attempt.succeeded) return `Delivered: the receiver answered ${attempt.statusCode ?? ''}`.trim();
  return attempt.error ?? 'Not delivered.';
}

function nextStep(attempt: WebhookAttempt): string {
  if (attempt.deliveryState === 'succeeded') return '';
  if (attempt.deliveryState === 'gaveUp') return ' · retries ended; send it again by hand';
  return attempt.nextAttemptAt ? ` · next try ${formatDateTime(attempt.nextAttemptAt)}` : '';
}

/** An endpoint's delivery log, newest first, with a way to send any delivery again. */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const attempts = useWebhookAttempts(endpointId);
  const redeliver = useRedeliverWebhook(endpointId);
  const toast = useToast();

  return (
    <QueryState query={attempts} loadingLabel="Loading the delivery log">
      {(list) =>
        list.length === 0 ? (
          <EmptyState icon="send" title="Nothing sent yet">
            Attempts appear here within seconds of an event, with the receiver’s answer.
          </EmptyState>
        ) : (
          <ol className={styles.log} aria-label="Delivery log">
            {list.map((attempt) => (
              <li key={attempt.id} className={styles.attempt}>
                <div className={styles.attemptText}>
                  <p>
                    <strong>{attempt.eventLabel}</strong>{' '}
                    <Badge tone={attempt.succeeded ? 'success' : 'danger'}>{attempt.succeeded ? 'Delivered' : 'Failed'}</Badge>
                  </p>
                  <p className="small">{outcome(attempt)}</p>
                  <p className="small muted">
                    Attempt {attempt.attempt} · {formatDateTime(attempt.startedAt)} · took{' '}
                    {attempt.durationMs < 1000 ? `${attempt.durationMs} ms` : `${(attempt.durationMs / 1000).toFixed(1)} s`} ·
                    event <code>{attempt.eventId}</code>
                    {nextStep(attempt)}
                  </p>
                </div>
                {enabled && (
                  <Button
                    size="sm"
                    variant="ghost"
                    icon="refresh"
                    loading={redeliver.isPending && redeliver.variables === attempt.deliveryId}
                    onClick={() =>
                      redeliver.mutate(attempt.deliveryId, {
                        onSuccess: () => toast.success('Sending it again within a few seconds.'),
                        onError: (error) => toast.error(errorMessage(error)),
                      })
                    }
                  >
                    Send again
                    <span className="visually-hidden">
                      {' '}
                      {attempt.eventLabel} of {formatDateTime(attempt.startedAt)}
                    </span>
                  </Button>
                )}
              </li>
            ))}
          </ol>
        )
      }
    </QueryState>
  );
}
