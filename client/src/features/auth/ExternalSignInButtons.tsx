import { useState } from 'react';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { goToProvider, useExternalProviders } from './externalApi';
import styles from './auth.module.css';

/** "Continue with Google / LinkedIn": only the providers this server has set up; nothing at all when none is. */
export function ExternalSignInButtons({ next = '/app' }: { next?: string }) {
  const providers = useExternalProviders();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!providers.data?.length) return null;

  const go = async (provider: string) => {
    setBusy(provider);
    setError(null);
    try {
      await goToProvider(provider, 'sign-in', next);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(null);
    }
  };

  return (
    <div className={styles.external}>
      <p className={styles.divider}>
        <span>or</span>
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {providers.data.map((provider) => (
        <Button key={provider.key} block loading={busy === provider.key} onClick={() => void go(provider.key)}>
          Continue with {provider.name}
        </Button>
      ))}
    </div>
  );
}
