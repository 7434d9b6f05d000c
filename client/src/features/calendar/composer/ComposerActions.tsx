import type { MouseEvent } from 'react';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import type { Intent } from './schema';
import styles from '../calendar.module.css';

interface ComposerActionsProps {
  intent: Intent | null;
  busy: boolean;
  overLimit: boolean;
  approvalRequired: boolean;
  /** A recurring post is made as a series at once: no draft or queue of its own. */
  repeating: boolean;
  onCancel: () => void;
  run: (intent: Intent) => (event: MouseEvent<HTMLButtonElement>) => void;
}

/** The composer's buttons, after the preview in reading order: on a phone the post is seen before it is saved. */
export function ComposerActions({ intent, busy, overLimit, approvalRequired, repeating, onCancel, run }: ComposerActionsProps) {
  const disabled = busy || overLimit;
  return (
    <div className={styles.composerActions}>
      {overLimit && (
        <p className={styles.blocked} role="status">
          <Icon name="alert" /> Shorten the text that is over its network’s limit to save the post.
        </p>
      )}
      <div className="form__actions">
        <Button onClick={onCancel}>Cancel</Button>
        {!repeating && (
          <Button onClick={run('draft')} loading={intent === 'draft'} disabled={disabled}>
            Save draft
          </Button>
        )}
        {!approvalRequired && !repeating && (
          <Button onClick={run('queue')} loading={intent === 'queue'} disabled={disabled}>
            Add to queue
          </Button>
        )}
        {repeating ? (
          <Button variant="primary" onClick={run('schedule')} loading={intent === 'schedule'} disabled={disabled}>
            {approvalRequired ? 'Submit series for approval' : 'Schedule series'}
          </Button>
        ) : approvalRequired ? (
          <Button variant="primary" onClick={run('submit')} loading={intent === 'submit'} disabled={disabled}>
            Submit for approval
          </Button>
        ) : (
          <Button variant="primary" onClick={run('schedule')} loading={intent === 'schedule'} disabled={disabled}>
            Schedule
          </Button>
        )}
      </div>
    </div>
  );
}
