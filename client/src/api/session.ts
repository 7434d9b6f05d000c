import type { AuthResponse, AuthTenant, AuthUser } from './types';

/**
 * The signed-in session: the API's token pair plus who and where the user is. Kept in localStorage so that a reload
 * or a second tab stays signed in; every tab sees changes through the `storage` event (sign out in one, out in all).
 * The page's Content-Security-Policy allows scripts from this origin only, which is what guards the tokens.
 */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
  user: AuthUser;
  tenant: AuthTenant;
}

/** Why the session ended: shown on the sign-in page. */
export type EndReason = 'signed-out' | 'expired';

const storageKey = 'brandauto.session';

type Listener = () => void;

let current: Session | null = read();
let lastEndReason: EndReason | null = null;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    return value.accessToken && value.refreshToken && value.user && value.tenant && typeof value.expiresAt === 'number'
      ? (value as Session)
      : null;
  } catch {
    return null;
  }
}

function emit() {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey && event.key !== null) return;
    const next = read();
    if (current && !next) lastEndReason = 'signed-out';
    current = next;
    emit();
  });
}

export const sessionStore = {
  get(): Session | null {
    return current;
  },

  /** Re-reads storage: another tab may have rotated the tokens. */
  reload(): Session | null {
    current = read();
    return current;
  },

  /** Starts or renews the session from any sign-in style response. */
  set(response: AuthResponse): Session {
    current = {
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      expiresAt: Date.now() + response.expiresIn * 1000,
      user: response.user,
      tenant: response.tenant,
    };
    lastEndReason = null;
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(current));
    emit();
    return current;
  },

  /** Follows a change to who or where the user is (two-factor sign-in turned on, the workspace's rule) without new tokens. */
  update(change: { user?: Partial<AuthUser>; tenant?: Partial<AuthTenant> }) {
    if (!current) return;
    current = { ...current, user: { ...current.user, ...change.user }, tenant: { ...current.tenant, ...change.tenant } };
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(current));
    emit();
  },

  clear(reason: EndReason) {
    const hadSession = current !== null;
    current = null;
    globalThis.localStorage?.removeItem(storageKey);
    if (hadSession) {
      lastEndReason = reason;
      emit();
    }
  },

  /** Why the last session ended, until a new one starts. */
  endReason(): EndReason | null {
    return lastEndReason;
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
