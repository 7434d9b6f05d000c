import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import styles from './account.module.css';

/** The recovery codes, shown this once: each signs in once when the phone is not at hand. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const toast = useToast();
  const text = `AI Brand Automator recovery codes\nEach code signs you in once, in place of a code from your authenticator app.\n\n${codes.join('\n')}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success('The recovery codes are copied.');
    } catch {
      toast.error('Copying is not allowed here: download the codes instead.');
    }
  };

  return (
    <div className="stack">
      <Alert tone="success" title="Two-step verification is on">
        Save these recovery codes somewhere safe, such as a password manager. Each one signs you in once if you lose your phone.
        They will not be shown again.
      </Alert>
      <ul className={styles.codes} aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button onClick={() => void copy()}>Copy</Button>
        <a className="btn btn--secondary" href={download} download="brand-automator-recovery-codes.txt">
          Download
        </a>
        <Button variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}
