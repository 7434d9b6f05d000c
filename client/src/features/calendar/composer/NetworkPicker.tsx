import { useEffect, useId } from 'react';
import { FieldError } from '../../../components/form/Fields';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { Avatar } from '../../../components/Avatar';
import { hasRole, useSession } from '../../auth/useSession';
import { useNetworks, type PublishingNetwork } from '../../social/api';
import { platformLimits, platforms, type Platform } from '../limits';
import styles from '../calendar.module.css';
import type { ComposerValues } from './schema';

interface NetworkPickerProps {
  form: UseFormReturn<ComposerValues>;
  error?: string;
  /** A new post starts on the connected networks; an existing one keeps its own. */
  isNew: boolean;
}

/**
 * The networks a post goes to, each with the accounts it will go out through. A network without a working account
 * cannot be chosen (one already on the post can be taken off); it says how to connect it, or that this server cannot.
 * While the accounts are unknown (loading, or the list failed), every network is offered and the server decides.
 */
export function NetworkPicker({ form, error, isNew }: NetworkPickerProps) {
  const errorId = useId();
  const networks = useNetworks();
  const isAdmin = hasRole(useSession(), 'admin');
  const chosen = useWatch({ control: form.control, name: 'platforms' }) ?? [];
  const known = networks.data;
  // Why a network cannot be connected here is for admins (the API gives the reason to them only), said once for all.
  const unavailable = (known ?? [])
    .filter((network) => !network.configured && network.accounts.length === 0 && network.unavailableReason)
    .map((network) => network.name);

  // A new post starts on the networks that can carry it: the default (LinkedIn) only if it is connected.
  useEffect(() => {
    if (!known || !isNew || form.getFieldState('platforms').isDirty) return;
    const connected = platforms.filter((platform) => known.some((n) => n.platform === platform && n.connected));
    if (connected.length === 0) return;
    const current = form.getValues('platforms').filter((platform) => connected.includes(platform));
    form.setValue('platforms', current.length > 0 ? current : [connected[0]!]);
  }, [known, isNew, form]);

  return (
    <fieldset className={styles.networks} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Networks</legend>
      <ul className={styles.networkRows}>
        {platforms.map((platform) => {
          const network = known?.find((n) => n.platform === platform);
          const usable = !network || network.connected;
          const on = chosen.includes(platform);
          return (
            <li key={platform} className={styles.networkRow}>
              <label className={styles.network} data-unavailable={usable ? undefined : true}>
                <input
                  type="checkbox"
                  value={platform}
                  disabled={!usable && !on}
                  aria-describedby={network ? `${errorId}-${platform}` : undefined}
                  {...form.register('platforms')}
                />
                <span>{platformLimits[platform].name}</span>
              </label>
              {network && <NetworkNote id={`${errorId}-${platform}`} network={network} isAdmin={isAdmin} platform={platform} />}
            </li>
          );
        })}
      </ul>
      {unavailable.length > 0 && (
        <p className="field__hint">
          {listOf(unavailable)} {unavailable.length === 1 ? 'is' : 'are'} not available: this server has no app registered with{' '}
          {unavailable.length === 1 ? 'it' : 'them'}, so accounts cannot be connected here. The person who runs the server can
          register one (see the publishing settings in the README).
        </p>
      )}
      {error && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}

/** "X, Facebook and Instagram" */
function listOf(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function NetworkNote({
  id,
  network,
  isAdmin,
  platform,
}: {
  id: string;
  network: PublishingNetwork;
  isAdmin: boolean;
  platform: Platform;
}) {
  const name = platformLimits[platform].name;
  const working = network.accounts.filter((account) => account.canPublish);
  if (network.connected) {
    return (
      <span id={id} className={styles.networkAccounts}>
        <span className="visually-hidden">Posts as </span>
        {working.map((account) => (
          <span key={account.id} className={styles.networkAccount}>
            <Avatar name={account.displayName} size="sm" />
            <span>{account.displayName}</span>
          </span>
        ))}
      </span>
    );
  }
  if (!network.configured && network.accounts.length === 0) {
    return (
      <span id={id} className={styles.networkNote}>
        Not available on this server.
      </span>
    );
  }
  const broken = network.accounts.length > 0;
  return (
    <span id={id} className={styles.networkNote}>
      {broken ? `The ${name} account needs reconnecting.` : `${name} is not connected.`}{' '}
      {isAdmin ? (
        <Link to="/app/automation/connections">{broken ? `Reconnect ${name}` : `Connect ${name}`}</Link>
      ) : (
        'Ask an admin to connect it.'
      )}
    </span>
  );
}
