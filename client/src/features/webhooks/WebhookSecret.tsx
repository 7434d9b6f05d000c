import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import type { WebhookWithSecret } from './api';
import styles from './webhooks.module.css';

/** An endpoint's signing secret, shown this once, after it is made or replaced. */
export function WebhookSecret({ created, onDone }: { created: WebhookWithSecret; onDone: () => void }) {
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
      <Alert tone="success" title="Copy the signing secret now">
        Your receiver uses it to check that each request really comes from us. It is shown only this once; if you lose it, make a
        new one.
      </Alert>
      <div className="field">
        <label className="field__label" htmlFor="webhook-secret">
          Signing secret for {created.endpoint.url}
        </label>
        <div className={styles.copyRow}>
          <input
            id="webhook-secret"
            className={`input ${styles.secret}`}
            readOnly
            value={created.secret}
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby="webhook-secret-hint"
          />
          <Button icon={copied === 'copied' ? 'check' : undefined} onClick={() => void copy()}>
            {copied === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p className="field__hint" id="webhook-secret-hint" role="status">
          {copied === 'copied'
            ? 'Copied. Requests are signed as the Standard Webhooks libraries expect.'
            : copied === 'failed'
              ? 'Your browser did not allow copying: select the secret and copy it yourself.'
              : 'Requests are signed as the Standard Webhooks libraries expect.'}
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
