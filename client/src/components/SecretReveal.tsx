import { useId, useState, type ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import styles from './SecretReveal.module.css';

interface SecretRevealProps {
  /** What the secret is ready for, as the alert's title. */
  title: string;
  /** Why to copy it now: the server keeps only a hash, so closing this panel loses it for good. */
  children: ReactNode;
  label: string;
  secret: string;
  /** What to do with it, shown under the field (and after copying). */
  use: string;
  /** What the secret is called in "select the … and copy it yourself". */
  noun: string;
  onDone: () => void;
}

/** A secret shown this once (an API key, a webhook's signing secret), with a copy button. */
export function SecretReveal({ title, children, label, secret, use, noun, onDone }: SecretRevealProps) {
  const id = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className={`stack stack--sm ${styles.reveal}`}>
      <Alert tone="success" title={title}>
        {children}
      </Alert>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <div className={styles.copyRow}>
          <input
            id={id}
            className={`input ${styles.secret}`}
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby={`${id}-hint`}
          />
          <Button icon={copied === 'copied' ? 'check' : undefined} onClick={() => void copy()}>
            {copied === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p className="field__hint" id={`${id}-hint`} role="status">
          {copied === 'copied'
            ? `Copied. ${use}`
            : copied === 'failed'
              ? `Your browser did not allow copying: select the ${noun} and copy it yourself.`
              : use}
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
