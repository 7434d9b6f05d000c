import { useState } from 'react';
import { errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { useDeleteWebhook, useRotateWebhookSecret, useWebhooks, type WebhookEndpoint, type WebhookWithSecret } from './api';
import { EndpointCard } from './EndpointCard';
import { WebhookForm } from './WebhookForm';
import { SecretReveal } from '../../components/SecretReveal';

/** Admins send the workspace's events (posts, approvals, assets, connections, plan) to their own systems, signed. */
export default function WebhooksPage() {
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const toast = useToast();
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="webhooks-title">
        <div className="card__header">
          <div>
            <h2 id="webhooks-title" className="card__title">
              Webhooks
            </h2>
            <p className="card__subtitle">
              Tell your own systems, Zapier, Make or n8n the moment something happens here: a post is scheduled or published, a
              review is needed, a file is ready. Each request is signed, and retried for a day until your receiver accepts it.
            </p>
          </div>
        </div>
        <div className="card__body">
          <QueryState query={webhooks} loadingLabel="Loading webhooks">
            {(data) =>
              secret ? (
                <SecretReveal
                  title="Copy the signing secret now"
                  label={`Signing secret for ${secret.endpoint.url}`}
                  secret={secret.secret}
                  use="Requests are signed as the Standard Webhooks libraries expect."
                  noun="secret"
                  onDone={() => setSecret(null)}
                >
                  Your receiver uses it to check that each request really comes from us. It is shown only this once; if you lose
                  it, make a new one.
                </SecretReveal>
              ) : (
                <WebhookForm eventTypes={data.eventTypes} onCreated={setSecret} />
              )
            }
          </QueryState>
        </div>
      </section>
      <section className="card" aria-labelledby="webhooks-list-title">
        <div className="card__header">
          <h2 id="webhooks-list-title" className="card__title">
            Endpoints of this workspace
          </h2>
        </div>
        <div className="card__body">
          <QueryState query={webhooks} loadingLabel="Loading webhooks">
            {(data) =>
              data.endpoints.length === 0 ? (
                <EmptyState icon="send" title="No endpoints yet">
                  Endpoints you add appear here with their delivery log.
                </EmptyState>
              ) : (
                <ul className="list" aria-label="Webhook endpoints">
                  {data.endpoints.map((endpoint) => (
                    <EndpointCard
                      key={endpoint.id}
                      endpoint={endpoint}
                      eventTypes={data.eventTypes}
                      onRotate={() => setRotating(endpoint)}
                      onDelete={() => setDeleting(endpoint)}
                    />
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
      </section>
      <ConfirmDialog
        open={rotating !== null}
        title="Make a new signing secret?"
        confirmLabel="Make new secret"
        pending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error) : null}
        onConfirm={() =>
          rotating &&
          rotate.mutate(rotating.id, {
            onSuccess: (rotated) => {
              setSecret(rotated);
              setRotating(null);
              window.scrollTo({ top: 0 });
            },
          })
        }
        onClose={() => {
          rotate.reset();
          setRotating(null);
        }}
      >
        Requests to {rotating?.url} are signed with the new secret from now on: update your receiver straight away, or it will
        refuse them.
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success('The endpoint was deleted.');
              setDeleting(null);
            },
          })
        }
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        Nothing more is sent to {deleting?.url}, and its delivery log goes with it. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
