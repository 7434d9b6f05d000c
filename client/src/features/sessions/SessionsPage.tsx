import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, type SessionInfo } from '../../api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime, formatRelative } from '../../lib/format';
import { signOut } from '../auth/api';
import { useRevokeSession, useSessions } from './api';
import { describeDevice } from './device';
import styles from './sessions.module.css';

export default function SessionsPage() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const toast = useToast();
  const navigate = useNavigate();
  const [ending, setEnding] = useState<SessionInfo | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  const endSelected = async () => {
    if (!ending) return;
    if (ending.current) {
      setSigningOut(true);
      await signOut();
      navigate('/sign-in?reason=signed-out', { replace: true });
      return;
    }
    revoke.mutate(ending.id, {
      onSuccess: () => {
        toast.success('The session was signed out.');
        setEnding(null);
      },
    });
  };

  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="card__header">
        <div>
          <h2 id="sessions-title" className="card__title">
            Your sessions
          </h2>
          <p className="card__subtitle">Where you are signed in, in every workspace. Sign out anything you do not recognise.</p>
        </div>
      </div>
      <div className="card__body card__body--flush">
        <QueryState query={sessions} loadingLabel="Loading your sessions">
          {(list) => (
            <ul className="list" aria-label="Sessions">
              {list.map((session) => (
                <li key={session.id} className={styles.row}>
                  <span className={styles.icon}>
                    <Icon name="monitor" />
                  </span>
                  <div className={styles.text}>
                    <p className={styles.device}>
                      {describeDevice(session.userAgent)}
                      {session.current && <Badge tone="success">This device</Badge>}
                    </p>
                    <p className="small muted">
                      {session.tenantName}
                      {session.ipAddress && ` · ${session.ipAddress}`} · active {formatRelative(session.lastUsedAt)}
                    </p>
                    <p className="small muted">Signed in {formatDateTime(session.startedAt)}</p>
                  </div>
                  <Button variant={session.current ? 'secondary' : 'danger-ghost'} size="sm" onClick={() => setEnding(session)}>
                    Sign out
                    <span className="visually-hidden">
                      {' '}
                      {session.current ? 'this device' : `${describeDevice(session.userAgent)}, ${session.tenantName}`}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
      <ConfirmDialog
        open={ending !== null}
        title={ending?.current ? 'Sign out of this device?' : 'Sign out this session?'}
        confirmLabel="Sign out"
        danger={!ending?.current}
        pending={revoke.isPending || signingOut}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onClose={() => {
          setEnding(null);
          revoke.reset();
        }}
        onConfirm={() => void endSelected()}
      >
        {ending?.current
          ? 'You will need to sign in again on this device.'
          : `${describeDevice(ending?.userAgent)} will need to sign in again to reach ${ending?.tenantName ?? 'the workspace'}.`}
      </ConfirmDialog>
    </section>
  );
}
