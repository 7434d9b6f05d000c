import { useSyncExternalStore } from 'react';
import { sessionStore, type Role, type Session } from '../../api';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

function isRole(value: string): value is Role {
  return value in rank;
}

/** True when the session's role in its current workspace is at least `role` (the server checks it again). */
export function hasRole(session: Session | null, role: Role): boolean {
  const actual = session?.user.role;
  return !!actual && isRole(actual) && rank[actual] >= rank[role];
}
