import { useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Icon } from './Icon';

function subscribe(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

/** A bar across the top while the browser is offline, with a retry for whatever failed meanwhile. */
export function ConnectionBanner() {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  const queryClient = useQueryClient();
  if (online) return null;
  return (
    <div className="banner" role="status">
      <Icon name="wifiOff" />
      <span>You are offline. Changes cannot be saved until the connection is back.</span>
      <button
        type="button"
        className="btn btn--sm"
        onClick={() => void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' })}
      >
        Retry
      </button>
    </div>
  );
}
