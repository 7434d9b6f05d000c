import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextAreaField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useDecideSharedPost, type ReviewVerdict, type SharedPost } from './api';

const schema = z.object({
  comment: z.string().max(2000, 'Use at most 2,000 characters.'),
});

type Values = z.infer<typeof schema>;

/** Approve (a comment is optional) or ask for changes (saying what); a later decision replaces the earlier one. */
export function DecisionForm({ token, post, reviewerName }: { token: string; post: SharedPost; reviewerName: string }) {
  const decide = useDecideSharedPost(token);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { comment: '' } });
  const { errors, isSubmitting } = form.formState;
  const [pending, setPending] = useState<ReviewVerdict | null>(null);
  const [done, setDone] = useState<ReviewVerdict | null>(null);

  const submit = (verdict: ReviewVerdict) =>
    form.handleSubmit(async (values) => {
      const comment = values.comment.trim();
      if (verdict === 'changesRequested' && !comment) {
        form.setError('comment', { message: 'Say what to change: asking for changes needs a comment.' }, { shouldFocus: true });
        return;
      }
      setPending(verdict);
      setDone(null);
      try {
        await decide.mutateAsync({ postId: post.id, reviewerName, verdict, comment: comment || undefined });
        form.reset({ comment: '' });
        setDone(verdict);
      } catch (error) {
        applyServerErrors(error, form.setError, ['comment']);
      } finally {
        setPending(null);
      }
    });

  if (!reviewerName) {
    return <p className="muted small">Type your name above to approve this post or ask for changes.</p>;
  }

  return (
    <form className="form" noValidate aria-label={`Your review of “${post.title}”`} onSubmit={submit('approved')}>
      <FormError errors={errors} />
      {done && (
        <Alert tone="success">
          {done === 'approved' ? `You approved “${post.title}”.` : `You asked for changes to “${post.title}”.`} The team can see
          it now.
        </Alert>
      )}
      <TextAreaField
        label="Comment"
        optional
        rows={2}
        hint="Optional when approving; say what to change when asking for changes."
        error={errors.comment?.message}
        {...form.register('comment')}
      />
      <div className="cluster">
        <Button type="submit" variant="primary" icon="check" loading={pending === 'approved'} disabled={isSubmitting}>
          Approve
        </Button>
        <Button
          variant="secondary"
          icon="pencil"
          loading={pending === 'changesRequested'}
          disabled={isSubmitting}
          onClick={(event) => void submit('changesRequested')(event)}
        >
          Ask for changes
        </Button>
      </div>
    </form>
  );
}
