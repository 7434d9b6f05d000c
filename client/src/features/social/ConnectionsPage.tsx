import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import {
  healthLabels,
  healthTone,
  isPlatform,
  platformNames,
  useConnections,
  useDisconnect,
  useProfiles,
  useStartConnection,
  type SocialConnection,
  type SocialPlatform,
} from './api';
import { ConnectCard } from './ConnectCard';

/** The outcome the API's OAuth callback put in the address: `?connected=linkedIn&accounts=1` or `?platform=x&error=…`. */
function CallbackOutcome() {
  const [params] = useSearchParams();
  const connected = params.get('connected');
  const error = params.get('error');
  const platform = params.get('platform');
  if (isPlatform(connected)) {
    const count = Number(params.get('accounts') ?? '1');
    return (
      <Alert tone="success" title={`${platformNames[connected]} is connected.`}>
        {count > 1 ? `${count} accounts were connected.` : 'Posts for it can now be published.'}
      </Alert>
    );
  }
  if (error) {
    return (
      <Alert
        tone="error"
        title={isPlatform(platform) ? `${platformNames[platform]} was not connected.` : 'The account was not connected.'}
      >
        {error}
      </Alert>
    );
  }
  return null;
}

export default function ConnectionsPage() {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const connections = useConnections();
  const profiles = useProfiles();
  const start = useStartConnection();
  const disconnect = useDisconnect();
  const toast = useToast();
  const [removing, setRemoving] = useState<SocialConnection | null>(null);
  const [starting, setStarting] = useState<SocialPlatform | null>(null);

  const connect = (platform: SocialPlatform) => {
    setStarting(platform);
    start.mutate(platform, { onError: () => setStarting(null) });
  };

  return (
    <>
      <PageHeader
        title="Connections"
        description="The accounts your posts go out on. Connecting signs in at the network; the tokens stay on the server, encrypted."
      />
      <div className="stack">
        <CallbackOutcome />
        {start.isError && (
          <Alert tone="error" title={starting ? `${platformNames[starting]} could not be connected.` : 'Could not connect.'}>
            {errorMessage(start.error)}
          </Alert>
        )}

        {isAdmin && <ConnectCard starting={starting} pending={start.isPending} onConnect={connect} />}

        <section className="card" aria-labelledby="connected-title">
          <div className="card__header">
            <h2 id="connected-title" className="card__title">
              Connected accounts
            </h2>
          </div>
          <div className="card__body card__body--flush">
            <QueryState query={connections} loadingLabel="Loading connections">
              {(list) =>
                list.length === 0 ? (
                  <div className="state">
                    <p className="state__text">No account is connected yet.</p>
                  </div>
                ) : (
                  <ul className="list" aria-label="Connected accounts">
                    {list.map((connection) => (
                      <li key={connection.id} className="item-row">
                        <div className="item-row__text">
                          <p className="item-row__name">
                            {connection.displayName}
                            <Badge>{platformNames[connection.platform]}</Badge>
                            <Badge tone={healthTone(connection.health)}>{healthLabels[connection.health]}</Badge>
                          </p>
                          <p className="small muted">
                            {connection.expiresAt
                              ? `Access ${connection.health === 'expired' ? 'expired' : 'valid until'} ${formatDateTime(connection.expiresAt)}`
                              : 'Access does not expire'}
                            {connection.canRefresh && ' · renewed automatically'}
                          </p>
                          {connection.warning && (
                            <p className="small">
                              {connection.warning.message} <strong>{connection.warning.action}</strong>
                            </p>
                          )}
                        </div>
                        {isAdmin && (
                          <Button
                            variant="danger-ghost"
                            size="sm"
                            aria-label={`Disconnect ${connection.displayName} on ${platformNames[connection.platform]}`}
                            onClick={() => setRemoving(connection)}
                          >
                            Disconnect
                          </Button>
                        )}
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </div>
        </section>

        <section className="card" aria-labelledby="profiles-title">
          <div className="card__header">
            <div>
              <h2 id="profiles-title" className="card__title">
                Profiles
              </h2>
              <p className="card__subtitle">Your brand’s public pages, verified while a connection signs in to them.</p>
            </div>
          </div>
          <div className="card__body card__body--flush">
            <QueryState query={profiles} loadingLabel="Loading profiles" rows={2}>
              {(list) =>
                list.length === 0 ? (
                  <div className="state">
                    <p className="state__text">Profiles appear here when an account is connected.</p>
                  </div>
                ) : (
                  <ul className="list" aria-label="Profiles">
                    {list.map((profile) => (
                      <li key={profile.id} className="item-row">
                        <div className="item-row__text">
                          <p className="item-row__name">
                            {profile.profileUrl ? (
                              <a href={profile.profileUrl} target="_blank" rel="noreferrer">
                                {profile.handle}
                                <span className="visually-hidden"> (opens in a new tab)</span>
                              </a>
                            ) : (
                              profile.handle
                            )}
                            <Badge>{platformNames[profile.platform]}</Badge>
                            <Badge tone={profile.verified ? 'success' : 'neutral'}>
                              {profile.verified ? 'Verified' : 'Not verified'}
                            </Badge>
                          </p>
                        </div>
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryState>
          </div>
        </section>
      </div>

      <ConfirmDialog
        open={removing !== null}
        title={`Disconnect ${removing ? platformNames[removing.platform] : ''}?`}
        confirmLabel="Disconnect"
        pending={disconnect.isPending}
        error={disconnect.error ? errorMessage(disconnect.error) : null}
        onClose={() => {
          setRemoving(null);
          disconnect.reset();
        }}
        onConfirm={() =>
          removing &&
          disconnect.mutate(removing.id, {
            onSuccess: () => {
              toast.success(`${removing.displayName} was disconnected.`);
              setRemoving(null);
            },
          })
        }
      >
        {`Scheduled posts for ${removing?.displayName ?? 'this account'} will not go out until it is connected again. Its tokens are deleted.`}
      </ConfirmDialog>
    </>
  );
}
