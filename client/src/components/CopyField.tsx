import { useId, useState } from 'react';
import { Button } from './Button';
import styles from './CopyField.module.css';

interface CopyFieldProps {
  label: string;
  value: string;
  /** What to do with the value, under the field; after copying it follows "Copied.". */
  use: string;
  /** What the value is called in "select the … and copy it yourself". */
  noun: string;
  /** When the user copied it after `use`; by default "Copied." then `use`. */
  copiedUse?: string;
}

/** A value to copy (a secret shown once, a subscription address): read-only, selected on focus, with a copy button. */
export function CopyField({ label, value, use, noun, copiedUse }: CopyFieldProps) {
  const id = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className={styles.row}>
        <input
          id={id}
          className={`input ${styles.value}`}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-hint`}
        />
        <Button icon={copied === 'copied' ? 'check' : undefined} onClick={() => void copy()}>
          {copied === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="field__hint" id={`${id}-hint`} role="status">
        {copied === 'copied'
          ? `Copied. ${copiedUse ?? use}`
          : copied === 'failed'
            ? `Your browser did not allow copying: select the ${noun} and copy it yourself.`
            : use}
      </p>
    </div>
  );
}
