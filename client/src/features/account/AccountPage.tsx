import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import { sendEmailVerification } from '../auth/api';
import { useSession } from '../auth/useSession';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorCard } from './TwoFactorCard';
import { ConnectedAccountsCard } from './ConnectedAccountsCard';
import styles from './account.module.css';

/** The signed-in person's own account: their e-mail address (confirmed or not) and their password. */
export default function AccountPage() {
  const session = useSession();
  const toast = useToast();
  const resend = useMutation({
    mutationFn: sendEmailVerification,
    onSuccess: () => toast.success(`A new confirmation link is on its way to ${session?.user.email}.`),
  });
  if (!session) return null;
  const verified = session.user.emailVerified;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="account-email-title">
        <div className="card__header">
          <div>
            <h2 id="account-email-title" className="card__title">
              E-mail address
            </h2>
            <p className="card__subtitle">You sign in with it, and password reset links go to it.</p>
          </div>
        </div>
        <div className="card__body stack">
          <p className={styles.status}>
            <strong>{session.user.email}</strong>
            {verified ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Not confirmed yet</Badge>}
          </p>
          {!verified && (
            <>
              <p>
                Open the link we sent you to confirm the address. Until then you can use everything except inviting people and
                choosing a plan.
              </p>
              {resend.isError && <Alert tone="error">{errorMessage(resend.error)}</Alert>}
              <div>
                <Button onClick={() => resend.mutate()} loading={resend.isPending}>
                  Send a new link
                </Button>
              </div>
            </>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="account-password-title">
        <div className="card__header">
          <div>
            <h2 id="account-password-title" className="card__title">
              Password
            </h2>
            <p className="card__subtitle">Changing it signs you out on every other device.</p>
          </div>
        </div>
        <div className="card__body">
          <ChangePasswordForm />
        </div>
      </section>
      <TwoFactorCard />
      <ConnectedAccountsCard />
    </div>
  );
}
