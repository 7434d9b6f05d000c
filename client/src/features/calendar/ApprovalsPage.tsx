import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { ButtonLink } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { formatRelative } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { ContentFindings } from '../brandGuard/ContentFindings';
import { ClientReviews } from '../review/ClientReviews';
import { useContent, useContentSettings } from './api';
import { dayOf, formatLongDay, timeOf, today } from './dates';
import { platformLimits } from './limits';
import { ReviewActions } from './ReviewActions';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

/**
 * Posts waiting for review. Admins approve or reject each (with a reason); editors and viewers see what waits and what
 * was sent back to them with the reviewer's comment.
 */
export default function ApprovalsPage() {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const pending = useContent({ state: 'inReview' });
  const drafts = useContent({ state: 'draft' });
  const sentBack = (drafts.data?.items ?? []).filter((item) => item.reviewComment);
  // Approving is half the job: the next step, scheduling, is offered at once.
  const [approved, setApproved] = useState<ContentItem | null>(null);
  const settings = useContentSettings();

  return (
    <div className="stack">
      <PageHeader
        title="Approvals"
        description={
          isAdmin
            ? 'Posts your team sent for review. Approve them, or send them back saying what to change.'
            : 'Posts waiting for an admin’s review. Only admins approve or reject.'
        }
      />
      {approved && (
        <Alert tone="success" title={`“${approved.title}” is approved.`}>
          <span className="cluster">
            It can now be scheduled.
            <ButtonLink
              to={`/app/calendar?view=list&state=approved${approved.scheduledLocal ? `&date=${dayOf(approved.scheduledLocal)}` : ''}`}
              size="sm"
              variant="primary"
            >
              Schedule it
            </ButtonLink>
          </span>
        </Alert>
      )}
      <section className="card" aria-labelledby="pending-title">
        <div className="card__header">
          <h2 id="pending-title" className="card__title">
            Waiting for review{pending.data ? ` (${pending.data.total})` : ''}
          </h2>
        </div>
        <div className="card__body">
          <QueryState query={pending} loadingLabel="Loading posts in review">
            {(page) =>
              page.items.length === 0 ? (
                <EmptyState icon="check" title="Nothing to review">
                  Posts sent for approval appear here.
                </EmptyState>
              ) : (
                <ul className={styles.queue}>
                  {page.items.map((item) => (
                    <li key={item.id} className={styles.queueItem}>
                      <QueueItem item={item} />
                      {isAdmin ? (
                        <ReviewActions item={item} onDone={(decision) => setApproved(decision === 'approve' ? item : null)} />
                      ) : (
                        <p className="muted small">Waiting for an admin.</p>
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
      </section>
      {sentBack.length > 0 && (
        <section className="card" aria-labelledby="sent-back-title">
          <div className="card__header">
            <h2 id="sent-back-title" className="card__title">
              Sent back for changes
            </h2>
          </div>
          <div className="card__body">
            <ul className={styles.queue}>
              {sentBack.map((item) => (
                <li key={item.id} className={styles.queueItem}>
                  <QueueItem item={item} />
                  <p className="small">
                    <strong>Reviewer:</strong> {item.reviewComment}
                  </p>
                </li>
              ))}
            </ul>
            <ButtonLink to="/app/calendar?view=list&state=draft" size="sm">
              Open drafts in the calendar
            </ButtonLink>
          </div>
        </section>
      )}
      {settings.data && <ClientReviews isAdmin={isAdmin} today={today(settings.data.timeZone)} />}
    </div>
  );
}

function QueueItem({ item }: { item: ContentItem }) {
  return (
    <div className="stack stack--sm">
      <div className="cluster">
        <h3 className={styles.queueTitle}>{item.title}</h3>
        {item.state === 'inReview' && <Badge tone="warning">In review</Badge>}
        <span className="muted small">
          {item.scheduledLocal
            ? `Planned for ${formatLongDay(dayOf(item.scheduledLocal))}, ${timeOf(item.scheduledLocal)}`
            : 'No time yet'}
          {item.submittedAt && ` · sent ${formatRelative(item.submittedAt)}`}
        </span>
      </div>
      {item.variants.map((variant) => (
        <div key={variant.platform}>
          <p className="small">
            <strong>{platformLimits[variant.platform].name}</strong>
          </p>
          <p className={styles.variantText}>{variant.text}</p>
        </div>
      ))}
      <ContentFindings id={item.id} />
    </div>
  );
}
