import { useState } from 'react';
import { errorMessage } from '../../api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { useApiKeys, useRevokeApiKey, type ApiKey, type CreatedApiKey } from './api';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { scopeLabel } from './scopes';
import { SecretReveal } from '../../components/SecretReveal';
import styles from './apiKeys.module.css';

const stateBadges = {
  active: { tone: 'success', label: 'Active' },
  expired: { tone: 'warning', label: 'Expired' },
  revoked: { tone: 'neutral', label: 'Revoked' },
} as const;

/** Admins make keys for the workspace's scripts and integrations, see when each was last used, and revoke them. */
export default function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const toast = useToast();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="api-keys-title">
        <div className="card__header">
          <div>
            <h2 id="api-keys-title" className="card__title">
              API keys
            </h2>
            <p className="card__subtitle">
              Let tools such as n8n, Make, Zapier or your own scripts use this workspace without anyone’s password. A key can do
              only what you allow, and never manages the team, billing, sessions or other keys.
            </p>
          </div>
        </div>
        <div className="card__body">
          {created ? (
            <SecretReveal
              title={`“${created.key.name}” is ready`}
              label="Your new API key"
              secret={created.secret}
              use="Send it in the X-Api-Key header of each request."
              noun="key"
              onDone={() => setCreated(null)}
            >
              Copy the key now and keep it somewhere safe, such as your tool’s credential store. It is shown only this once; if
              you lose it, revoke it and create another.
            </SecretReveal>
          ) : (
            <CreateApiKeyForm onCreated={setCreated} />
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="api-keys-list-title">
        <div className="card__header">
          <h2 id="api-keys-list-title" className="card__title">
            Keys of this workspace
          </h2>
        </div>
        <div className="card__body card__body--flush">
          <QueryState query={keys} loadingLabel="Loading API keys">
            {(list) =>
              list.length === 0 ? (
                <EmptyState icon="lock" title="No API keys yet">
                  Keys you create appear here with when they were last used.
                </EmptyState>
              ) : (
                <ul className="list" aria-label="API keys">
                  {list.map((key) => (
                    <KeyRow key={key.id} apiKey={key} onRevoke={() => setRevoking(key)} />
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast.success(`“${revoking.name}” was revoked.`);
              setRevoking(null);
            },
          })
        }
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        Everything that uses this key stops working within a few seconds. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  const badge = stateBadges[apiKey.state];
  return (
    <li className="item-row">
      <div className="item-row__text">
        <p className="item-row__name">
          {apiKey.name}
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </p>
        <p className="small muted">
          <code className={styles.prefix}>{apiKey.displayPrefix}…</code> · {apiKey.scopes.map(scopeLabel).join(', ')}
          {apiKey.requestsPerMinute ? ` · ${apiKey.requestsPerMinute.toLocaleString()} requests a minute` : ''}
        </p>
        <p className="small muted">
          {apiKey.lastUsedAt
            ? `Last used ${formatRelative(apiKey.lastUsedAt)}${apiKey.lastUsedIp ? ` from ${apiKey.lastUsedIp}` : ''}`
            : 'Never used'}
          {' · '}
          Created {formatDate(apiKey.createdAt)}
          {apiKey.revokedAt
            ? ` · revoked ${formatDateTime(apiKey.revokedAt)}`
            : apiKey.expiresAt
              ? ` · ${apiKey.state === 'expired' ? 'expired' : 'expires'} ${formatDate(apiKey.expiresAt)}`
              : ' · does not expire'}
        </p>
      </div>
      {apiKey.state === 'active' && (
        <Button variant="danger-ghost" size="sm" onClick={onRevoke}>
          Revoke
          <span className="visually-hidden"> {apiKey.name}</span>
        </Button>
      )}
    </li>
  );
}
