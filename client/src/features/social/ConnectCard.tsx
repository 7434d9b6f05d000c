import { useState } from 'react';
import { Button } from '../../components/Button';
import { platformLabels } from '../../lib/labels';
import { platforms, useNetworks, type SocialPlatform } from './api';
import { BlueskyConnectForm } from './BlueskyConnectForm';
import styles from './connections.module.css';

interface ConnectCardProps {
  /** The network being started, while the API answers. */
  starting: SocialPlatform | null;
  pending: boolean;
  onConnect: (platform: SocialPlatform) => void;
}

/**
 * Admins connect accounts here. A network this server has no app registered for is shown as unavailable, with the
 * API's admin-facing reason (in words; the API never sends setting names), instead of a button that can only fail.
 */
export function ConnectCard({ starting, pending, onConnect }: ConnectCardProps) {
  const networks = useNetworks();
  const [bluesky, setBluesky] = useState(false);
  const byPlatform = new Map((networks.data ?? []).map((n) => [n.platform, n]));
  const available = platforms.filter((p) => byPlatform.get(p)?.configured ?? true);
  const unavailable = platforms.flatMap((p) => {
    const network = byPlatform.get(p);
    return network && !network.configured ? [network] : [];
  });

  return (
    <section className="card" aria-labelledby="connect-title">
      <div className="card__header">
        <div>
          <h2 id="connect-title" className="card__title">
            Connect an account
          </h2>
          <p className="card__subtitle">
            You will be sent to the network to allow access, then back here (Bluesky asks for an app password here).
          </p>
        </div>
      </div>
      <div className={`card__body ${styles.platforms}`}>
        {available.map((platform) => (
          <Button
            key={platform}
            variant="secondary"
            icon="plus"
            loading={pending && starting === platform}
            aria-expanded={platform === 'bluesky' ? bluesky : undefined}
            onClick={() => (platform === 'bluesky' ? setBluesky((open) => !open) : onConnect(platform))}
          >
            Connect {platformLabels[platform]}
          </Button>
        ))}
      </div>
      {bluesky && (
        <div className="card__body">
          <BlueskyConnectForm onDone={() => setBluesky(false)} />
        </div>
      )}
      {unavailable.length > 0 && (
        <div className="card__body">
          <h3 className={styles.unavailableTitle}>Not available on this server</h3>
          <ul className={styles.unavailable} aria-label="Networks not available on this server">
            {unavailable.map((network) => (
              <li key={network.platform}>
                <strong>{network.name}</strong>
                {network.unavailableReason && <p className="small muted">{network.unavailableReason}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
