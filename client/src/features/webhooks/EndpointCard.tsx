import { useState } from 'react';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useSendTestWebhook, useUpdateWebhook, type WebhookEndpoint, type WebhookEventType } from './api';
import { DeliveryLog } from './DeliveryLog';
import styles from './webhooks.module.css';

interface EndpointCardProps {
  endpoint: WebhookEndpoint;
  eventTypes: WebhookEventType[];
  onRotate: () => void;
  onDelete: () => void;
}

/** One endpoint: where it sends, what, whether it works, and its delivery log. */
export function EndpointCard({ endpoint, eventTypes, onRotate, onDelete }: EndpointCardProps) {
  const [showLog, setShowLog] = useState(false);
  const update = useUpdateWebhook();
  const test = useSendTestWebhook();
  const toast = useToast();
  const labels = endpoint.events.map((type) => eventTypes.find((e) => e.type === type)?.label ?? type);
  const logId = `webhook-log-${endpoint.id}`;

  const toggle = () =>
    update.mutate(
      {
        id: endpoint.id,
        url: endpoint.url,
        description: endpoint.description || null,
        events: endpoint.events,
        enabled: !endpoint.enabled,
      },
      {
        onSuccess: (changed) =>
          toast.success(changed.enabled ? 'Events are sent to it again.' : 'No more events are sent to it.'),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <li className={styles.endpoint}>
      <div className={styles.endpointHead}>
        <div className={styles.attemptText}>
          <p className={styles.url}>{endpoint.url}</p>
          {endpoint.description && <p className="small muted">{endpoint.description}</p>}
          <p className="small muted">
            {labels.join(', ')}
            {' · '}
            {endpoint.lastSuccessAt ? `Last delivered ${formatRelative(endpoint.lastSuccessAt)}` : 'Nothing delivered yet'}
          </p>
        </div>
        <Badge tone={endpoint.enabled ? (endpoint.consecutiveFailures > 0 ? 'warning' : 'success') : 'neutral'}>
          {endpoint.enabled ? (endpoint.consecutiveFailures > 0 ? 'Failing' : 'On') : 'Off'}
        </Badge>
      </div>
      {!endpoint.enabled && endpoint.disabledReason && (
        <Alert tone="warning" title="Turned off automatically">
          {endpoint.disabledReason} {endpoint.disabledAt ? `(${formatDateTime(endpoint.disabledAt)})` : ''} Check the delivery
          log, fix the receiver, then turn it back on and send again what it missed.
        </Alert>
      )}
      <div className={styles.actions}>
        <Button size="sm" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((shown) => !shown)}>
          {showLog ? 'Hide delivery log' : 'Delivery log'}
        </Button>
        {endpoint.enabled && (
          <Button
            size="sm"
            icon="send"
            loading={test.isPending}
            onClick={() =>
              test.mutate(endpoint.id, {
                onSuccess: () => {
                  setShowLog(true);
                  toast.success('A test event is on its way; it appears in the delivery log within seconds.');
                },
                onError: (error) => toast.error(errorMessage(error)),
              })
            }
          >
            Send test event
          </Button>
        )}
        <Button size="sm" loading={update.isPending} onClick={toggle}>
          {endpoint.enabled ? 'Turn off' : 'Turn on'}
        </Button>
        <Button size="sm" icon="refresh" onClick={onRotate}>
          New secret
        </Button>
        <Button size="sm" variant="danger-ghost" icon="trash" onClick={onDelete}>
          Delete
          <span className="visually-hidden"> {endpoint.url}</span>
        </Button>
      </div>
      {showLog && (
        <div id={logId}>
          <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />
        </div>
      )}
    </li>
  );
}
