import { useState } from 'react';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, QueryState } from '../../components/States';
import { TextField } from '../../components/form/Fields';
import { useToast } from '../../components/Toaster';
import { formatDateTime } from '../../lib/format';
import { useReviewLinks, useRevokeReviewLink, type CreatedReviewLink, type ReviewLink, type ReviewedPost } from './api';
import { ShareForReviewForm } from './ShareForReviewForm';
import styles from './review.module.css';

/**
 * Client review on the approvals page: links shared with clients (who need no account), what each reviewer decided on
 * every post, and for admins a form to share more and a way to withdraw a link.
 */
export function ClientReviews({ isAdmin, today }: { isAdmin: boolean; today: string }) {
  const links = useReviewLinks();
  const [created, setCreated] = useState<CreatedReviewLink | null>(null);
  const [revoking, setRevoking] = useState<ReviewLink | null>(null);
  const revoke = useRevokeReviewLink();
  const toast = useToast();
  const url = created ? `${window.location.origin}${created.path}` : '';

  return (
    <section className="card" aria-labelledby="client-review-title">
      <div className="card__header">
        <h2 id="client-review-title" className="card__title">
          Client review
        </h2>
      </div>
      <div className="card__body stack">
        {created && (
          <Alert tone="success" title={`“${created.link.name}” is ready to share.`}>
            <span className="stack stack--sm">
              <span>Send this link to your client. Copy it now: for safety it is not shown again.</span>
              <TextField label="Review link" readOnly value={url} onFocus={(event) => event.target.select()} />
              <span>
                <Button
                  size="sm"
                  onClick={() => void navigator.clipboard?.writeText(url).then(() => toast.success('Link copied.'))}
                >
                  Copy link
                </Button>
              </span>
            </span>
          </Alert>
        )}
        {isAdmin && <ShareForReviewForm today={today} onCreated={setCreated} />}
        <QueryState query={links} loadingLabel="Loading review links">
          {(list) =>
            list.length === 0 ? (
              <EmptyState icon="users" title="No review links yet">
                {isAdmin
                  ? 'Share posts with a client above: they review without an account.'
                  : 'An admin can share posts with a client, who reviews them without an account.'}
              </EmptyState>
            ) : (
              <ul className={styles.links} aria-label="Review links">
                {list.map((link) => (
                  <li key={link.id} className={styles.link}>
                    <LinkSummary link={link} />
                    <ul className={styles.reviewed} aria-label={`Posts in “${link.name}”`}>
                      {link.posts.map((post) => (
                        <ReviewedPostLine key={post.id} post={post} />
                      ))}
                    </ul>
                    {isAdmin && link.status === 'open' && (
                      <div>
                        <Button size="sm" variant="danger-ghost" icon="x" onClick={() => setRevoking(link)}>
                          Revoke link
                        </Button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke link"
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast.success(`“${revoking.name}” no longer opens.`);
              setRevoking(null);
            },
          })
        }
      >
        The client will no longer be able to open it. Decisions already made stay here.
      </ConfirmDialog>
    </section>
  );
}

function LinkSummary({ link }: { link: ReviewLink }) {
  const counts = [
    link.postCount === 1 ? 'one post' : `${link.postCount} posts`,
    `${link.approved} approved`,
    `${link.changesRequested} with changes requested`,
  ];
  return (
    <div className="cluster">
      <h3 className="card__title">{link.name}</h3>
      {link.status === 'open' ? (
        <Badge tone="success">Open until {formatDateTime(link.expiresAt)}</Badge>
      ) : link.status === 'revoked' ? (
        <Badge tone="neutral">Revoked</Badge>
      ) : (
        <Badge tone="neutral">Expired</Badge>
      )}
      <span className="muted small">{counts.join(' · ')}</span>
    </div>
  );
}

function ReviewedPostLine({ post }: { post: ReviewedPost }) {
  const latest = post.latest;
  return (
    <li className={styles.reviewedPost}>
      <span>
        <strong>{post.title}</strong>{' '}
        {!latest ? (
          <span className="muted small">No decision yet</span>
        ) : latest.verdict === 'approved' ? (
          <Badge tone="success">Approved by {latest.reviewerName}</Badge>
        ) : (
          <Badge tone="warning">Changes requested by {latest.reviewerName}</Badge>
        )}
      </span>
      {latest?.comment && <p className={`${styles.comment} small`}>“{latest.comment}”</p>}
      {post.editedSinceDecision && (
        <p className="small muted">Edited since this decision: the client has not seen the new version.</p>
      )}
    </li>
  );
}
