import { useState } from 'react';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime, formatRelative } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { platformLimits } from '../calendar/limits';
import { AddFeedForm } from './AddFeedForm';
import { useCheckFeed, useDeleteFeed, useFeeds, type Feed } from './api';
import styles from './feeds.module.css';

const statusWords: Record<string, { label: string; tone: 'success' | 'warning' | 'danger' }> = {
  watching: { label: 'Watching', tone: 'success' },
  failing: { label: 'Last check failed', tone: 'warning' },
  paused: { label: 'Paused', tone: 'danger' },
};

/**
 * Settings > Feeds: the RSS and Atom feeds the brands watch. Each new item becomes a draft or a post in the queue; a
 * feed that keeps failing is paused, with the reason, until someone checks it again.
 */
export default function FeedsPage() {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const feeds = useFeeds();
  const check = useCheckFeed();
  const remove = useDeleteFeed();
  const toast = useToast();
  const [removing, setRemoving] = useState<Feed | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const checkNow = (feed: Feed) => {
    setFailure(null);
    check.mutate(feed.id, {
      onSuccess: (checked) =>
        toast.success(checked.status === 'watching' ? `“${checked.name}” was checked.` : `“${checked.name}” could not be read.`),
      onError: (error) => setFailure(errorMessage(error)),
    });
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="feeds-title">
        <div className="card__header">
          <div>
            <h2 id="feeds-title" className="card__title">
              Feeds
            </h2>
            <p className="card__subtitle">
              New items of a blog or news feed become posts: drafts to look over, or posts in the brand’s queue. Feeds are read
              politely, at most as often as you choose.
            </p>
          </div>
        </div>
        <div className="card__body stack">
          {failure && <Alert tone="error">{failure}</Alert>}
          <QueryState query={feeds} loadingLabel="Loading feeds">
            {(list) =>
              list.length === 0 ? (
                <EmptyState icon="globe" title="No feeds yet">
                  {isAdmin ? 'Add the address of an RSS or Atom feed below.' : 'An admin can add feeds for the brands to watch.'}
                </EmptyState>
              ) : (
                <ul className="stack" aria-label="Watched feeds">
                  {list.map((feed) => (
                    <li key={feed.id} className="stack stack--sm">
                      <div className="cluster">
                        <strong>{feed.name}</strong>
                        <Badge tone={statusWords[feed.status]?.tone ?? 'warning'}>
                          {statusWords[feed.status]?.label ?? 'Unknown'}
                        </Badge>
                        <span className="muted small">
                          {feed.posts === 1 ? 'One post made' : `${feed.posts} posts made`} ·{' '}
                          {feed.target === 'queue' ? 'into the queue' : 'as drafts'} on{' '}
                          {feed.platforms.map((p) => platformLimits[p].name).join(', ')}
                          {feed.lastPolledAt ? ` · checked ${formatRelative(feed.lastPolledAt)}` : ' · not checked yet'}
                        </span>
                      </div>
                      <span className={`small muted ${styles.url}`}>{feed.url}</span>
                      {feed.problem && (
                        <Alert tone={feed.status === 'paused' ? 'error' : 'warning'} live={false}>
                          {feed.problem}
                          {feed.status !== 'paused' &&
                            feed.nextPollAt &&
                            ` It will be tried again ${formatDateTime(feed.nextPollAt)}.`}
                        </Alert>
                      )}
                      {isAdmin && (
                        <div className="cluster">
                          <Button
                            size="sm"
                            icon="refresh"
                            loading={check.isPending && check.variables === feed.id}
                            onClick={() => checkNow(feed)}
                          >
                            {feed.status === 'paused' ? 'Resume and check now' : 'Check now'}
                          </Button>
                          <Button size="sm" variant="danger-ghost" icon="trash" onClick={() => setRemoving(feed)}>
                            Stop watching
                          </Button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
          {isAdmin && (
            <AddFeedForm onAdded={(name) => toast.success(`“${name}” is watched. Its next new item becomes a post.`)} />
          )}
        </div>
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={`Stop watching “${removing?.name ?? ''}”?`}
        confirmLabel="Stop watching"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        Its new items will no longer become posts. The posts it already made stay.
      </ConfirmDialog>
    </div>
  );
}
