import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sessionStore } from '../api';

/**
 * Drops cached server data whenever the person or the workspace changes (sign-in, sign-out, switching tenant,
 * another tab doing so), so nothing of one workspace is ever shown in another.
 */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const identity = () => {
      const session = sessionStore.get();
      return session ? `${session.user.id}/${session.tenant.id}` : null;
    };
    let previous = identity();
    return sessionStore.subscribe(() => {
      const current = identity();
      if (current === previous) return;
      previous = current;
      if (current === null) queryClient.clear();
      else void queryClient.resetQueries();
    });
  }, [queryClient]);
  return null;
}
