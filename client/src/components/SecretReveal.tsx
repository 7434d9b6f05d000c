import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import { CopyField } from './CopyField';

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
  return (
    <div className="stack stack--sm" style={{ maxWidth: '48rem' }}>
      <Alert tone="success" title={title}>
        {children}
      </Alert>
      <CopyField label={label} value={secret} use={use} noun={noun} />
      <div>
        <Button variant="secondary" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
