import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import type { CreatedApiKey } from './api';
import styles from './apiKeys.module.css';

/** The new key's secret, shown this once: the API keeps only its hash, so closing this panel loses it for good. */
export function SecretReveal({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className={`stack stack--sm ${styles.reveal}`}>
      <Alert tone="success" title={`“${created.key.name}” is ready`}>
        Copy the key now and keep it somewhere safe, such as your tool’s credential store. It is shown only this once; if you lose
        it, revoke it and create another.
      </Alert>
      <div className="field">
        <label className="field__label" htmlFor="new-api-key">
          Your new API key
        </label>
        <div className={styles.copyRow}>
          <input
            id="new-api-key"
            className={`input ${styles.secret}`}
            readOnly
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby="new-api-key-hint"
          />
          <Button icon={copied === 'copied' ? 'check' : undefined} onClick={() => void copy()}>
            {copied === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p className="field__hint" id="new-api-key-hint" role="status">
          {copied === 'copied'
            ? 'Copied. Send it in the X-Api-Key header of each request.'
            : copied === 'failed'
              ? 'Your browser did not allow copying: select the key and copy it yourself.'
              : 'Send it in the X-Api-Key header of each request.'}
        </p>
      </div>
      <div>
        <Button variant="secondary" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
