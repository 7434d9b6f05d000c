import { useId, useState, type FormEvent } from 'react';
import { errorMessage, isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/form/Fields';
import { useToast } from '../../components/Toaster';
import { useApproveContent, useRejectContent } from './api';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

/** An admin's decision on a post in review: approve (a comment is optional) or reject (saying what to change). */
export function ReviewActions({ item, onDone }: { item: ContentItem; onDone?: (decision: 'approve' | 'reject') => void }) {
  const approve = useApproveContent();
  const reject = useRejectContent();
  const toast = useToast();
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const id = useId();

  const decide = async (event: FormEvent, choice: 'approve' | 'reject') => {
    event.preventDefault();
    setFailure(null);
    setFieldError(null);
    if (choice === 'reject' && !comment.trim()) {
      setFieldError('Say what to change: a rejection needs a reason.');
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    setDecision(choice);
    try {
      if (choice === 'approve') await approve.mutateAsync({ id: item.id, comment: comment.trim() });
      else await reject.mutateAsync({ id: item.id, comment: comment.trim() });
      toast.success(choice === 'approve' ? `“${item.title}” was approved.` : `“${item.title}” was sent back for changes.`);
      setComment('');
      onDone?.(choice);
    } catch (error) {
      const message = isApiError(error) ? error.fieldErrors.comment?.join(' ') : undefined;
      if (message) setFieldError(message);
      else setFailure(errorMessage(error));
    } finally {
      setDecision(null);
    }
  };

  return (
    <form className={styles.review} onSubmit={(event) => void decide(event, 'approve')} aria-label={`Review “${item.title}”`}>
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextAreaField
        id={`${id}-comment`}
        label="Comment"
        rows={2}
        hint="Optional when approving; required when rejecting."
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={fieldError ?? undefined}
      />
      <div className="cluster">
        <Button type="submit" variant="primary" icon="check" loading={decision === 'approve'} disabled={decision !== null}>
          Approve
        </Button>
        <Button
          variant="danger-ghost"
          icon="x"
          loading={decision === 'reject'}
          disabled={decision !== null}
          onClick={(event) => void decide(event, 'reject')}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}
