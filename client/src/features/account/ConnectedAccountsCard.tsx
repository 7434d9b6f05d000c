import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, unwrap } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import { goToProvider } from '../auth/externalApi';
import styles from './account.module.css';

const key = ['user', 'external-logins'] as const;

/** Signing in with Google or LinkedIn: connect (after signing in here, so nobody else can) or disconnect, keeping a way in. */
export function ConnectedAccountsCard() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const logins = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/external/logins', { signal })),
  });
  const unlink = useMutation({
    mutationFn: (provider: string) =>
      unwrap(api.DELETE('/api/v1/auth/external/logins/{provider}', { params: { path: { provider } } })),
    onSuccess: (ways) => {
      queryClient.setQueryData(key, ways);
      toast.success('Disconnected. You can no longer sign in with it.');
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  if (!logins.data?.providers.length) return null;

  const connect = async (provider: string) => {
    setError(null);
    try {
      await goToProvider(provider, 'link', '/app/settings/account');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="card" aria-labelledby="account-connected-title">
      <div className="card__header">
        <div>
          <h2 id="account-connected-title" className="card__title">
            Sign in with another account
          </h2>
          <p className="card__subtitle">Connect an account whose e-mail address the provider has confirmed.</p>
        </div>
      </div>
      <div className="card__body stack">
        {error && <Alert tone="error">{error}</Alert>}
        <ul className={styles.connections}>
          {logins.data.providers.map((provider) => (
            <li key={provider.key}>
              <span className={styles.status}>
                <strong>{provider.name}</strong>
                {provider.linked ? <Badge tone="success">Connected</Badge> : <Badge>Not connected</Badge>}
              </span>
              {provider.linked ? (
                <Button variant="danger-ghost" size="sm" loading={unlink.isPending} onClick={() => unlink.mutate(provider.key)}>
                  Disconnect {provider.name}
                </Button>
              ) : (
                <Button size="sm" onClick={() => void connect(provider.key)}>
                  Connect {provider.name}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {!logins.data.hasPassword && (
          <p className="small muted">
            Your account has no password: keep at least one provider connected, or set a password through “Forgot password?”.
          </p>
        )}
      </div>
    </section>
  );
}
