import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/States';
import { errorMessage } from '../../api';
import { EnrolAuthenticator } from './EnrolAuthenticator';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TwoFactorManage } from './TwoFactorManage';
import { useStartEnrolment, useTwoFactorStatus } from './twoFactorApi';
import styles from './account.module.css';

/** Two-step verification with an authenticator app: set up, recovery codes, turned off. */
export function TwoFactorCard() {
  const status = useTwoFactorStatus();
  const start = useStartEnrolment();
  // Shown once, right after they are made; leaving the page forgets them (the server keeps only hashes).
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <section className="card" aria-labelledby="account-two-factor-title">
      <div className="card__header">
        <div>
          <h2 id="account-two-factor-title" className="card__title">
            Two-step verification
          </h2>
          <p className="card__subtitle">
            Signing in asks for a code from an authenticator app on your phone as well as your password.
          </p>
        </div>
      </div>
      <div className="card__body stack">
        <QueryState query={status} loadingLabel="Loading two-step verification" rows={2}>
          {(data) => {
            if (codes) return <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />;
            if (data.enabled)
              return (
                <>
                  <p className={styles.status}>
                    <Badge tone="success">On</Badge>
                    <span>
                      {data.recoveryCodesLeft === 1 ? '1 recovery code left' : `${data.recoveryCodesLeft} recovery codes left`}
                    </span>
                  </p>
                  {data.recoveryCodesLeft <= 3 && (
                    <Alert tone="warning">You are running out of recovery codes. Make new ones below.</Alert>
                  )}
                  <TwoFactorManage onNewCodes={setCodes} requiredByWorkspace={data.requiredByWorkspace} />
                </>
              );
            if (start.data)
              return (
                <EnrolAuthenticator
                  setup={start.data}
                  onEnabled={(recoveryCodes) => {
                    start.reset();
                    setCodes(recoveryCodes);
                  }}
                  onCancel={() => start.reset()}
                />
              );
            return (
              <>
                <p className={styles.status}>
                  <Badge tone="warning">Off</Badge>
                  <span>Anyone with your password can sign in.</span>
                </p>
                {data.requiredByWorkspace && (
                  <Alert tone="warning" title="Your workspace requires two-step verification">
                    Set it up now to keep using the workspace.
                  </Alert>
                )}
                {start.isError && <Alert tone="error">{errorMessage(start.error)}</Alert>}
                <div>
                  <Button variant="primary" onClick={() => start.mutate()} loading={start.isPending}>
                    Set up two-step verification
                  </Button>
                </div>
              </>
            );
          }}
        </QueryState>
      </div>
    </section>
  );
}
