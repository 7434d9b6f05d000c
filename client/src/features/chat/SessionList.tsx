import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { errorMessage } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { Icon } from '../../components/Icon';
import { ErrorState, LoadingState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime } from '../../lib/format';
import { useDeleteSession, useRenameSession, type ChatSession } from './api';
import styles from './chat.module.css';

interface SessionListProps {
  sessions: UseQueryResult<ChatSession[]>;
  activeId: string | null;
  onSelect: (id: string | null) => void;
  onDeleted: (id: string) => void;
}

/** The user's conversations, newest first: start a new one, switch, rename, delete. */
export function SessionList({ sessions, activeId, onSelect, onDeleted }: SessionListProps) {
  const [renaming, setRenaming] = useState<ChatSession | null>(null);
  const [deleting, setDeleting] = useState<ChatSession | null>(null);
  const remove = useDeleteSession();
  const toast = useToast();

  return (
    <nav className={styles.sessions} aria-label="Conversations">
      <Button variant={activeId ? 'secondary' : 'primary'} icon="plus" block onClick={() => onSelect(null)}>
        New chat
      </Button>
      {sessions.isPending ? (
        <LoadingState label="Loading your conversations" rows={3} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} retrying={sessions.isFetching} />
      ) : sessions.data.length === 0 ? (
        <p className="small muted">Your conversations will be listed here.</p>
      ) : (
        <ul className={styles.sessionList}>
          {sessions.data.map((session) => (
            <li key={session.id} className={styles.sessionItem} data-active={session.id === activeId || undefined}>
              <button
                type="button"
                className={styles.sessionButton}
                onClick={() => onSelect(session.id)}
                aria-current={session.id === activeId ? 'page' : undefined}
              >
                <span className={styles.sessionTitle}>{session.title}</span>
                <span className={styles.sessionDate}>{formatDateTime(session.updatedAt)}</span>
              </button>
              <span className={styles.sessionActions}>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm btn--icon"
                  aria-label={`Rename “${session.title}”`}
                  onClick={() => setRenaming(session)}
                >
                  <Icon name="pencil" />
                </button>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm btn--icon"
                  aria-label={`Delete “${session.title}”`}
                  onClick={() => setDeleting(session)}
                >
                  <Icon name="trash" />
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <RenameDialog session={renaming} onClose={() => setRenaming(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.title ?? ''}”?`}
        confirmLabel="Delete conversation"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() => {
          const session = deleting!;
          remove.mutate(session.id, {
            onSuccess: () => {
              toast.success('The conversation was deleted.');
              setDeleting(null);
              onDeleted(session.id);
            },
          });
        }}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      >
        Its questions and answers are removed. Your files are not affected. This cannot be undone.
      </ConfirmDialog>
    </nav>
  );
}

const renameSchema = z.object({
  title: z.string().trim().min(1, 'Enter a title.').max(120, 'Use at most 120 characters.'),
});

type RenameValues = z.infer<typeof renameSchema>;

function RenameDialog({ session, onClose }: { session: ChatSession | null; onClose: () => void }) {
  return (
    <Dialog open={session !== null} onClose={onClose} title="Rename conversation">
      {session && <RenameForm session={session} onClose={onClose} />}
    </Dialog>
  );
}

function RenameForm({ session, onClose }: { session: ChatSession; onClose: () => void }) {
  const rename = useRenameSession();
  const toast = useToast();
  const form = useForm<RenameValues>({ resolver: zodResolver(renameSchema), defaultValues: { title: session.title } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ title }) => {
    try {
      await rename.mutateAsync({ id: session.id, title });
      toast.success('Renamed.');
      onClose();
    } catch (error) {
      applyServerErrors(error, form.setError, ['title']);
    }
  });
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError errors={errors} />
      <TextField label="Title" autoFocusOnOpen error={errors.title?.message} {...form.register('title')} />
      <div className="form__actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Save
        </Button>
      </div>
    </form>
  );
}
