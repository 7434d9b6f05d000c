import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../lib/format';
import { dayOf, formatLongDay, timeOf } from '../calendar/dates';
import { platformLimits } from '../calendar/limits';
import { PostPreview } from '../calendar/PostPreview';
import type { ReviewDecision, SharedPost } from './api';
import { DecisionForm } from './DecisionForm';
import styles from './review.module.css';

interface SharedPostCardProps {
  token: string;
  post: SharedPost;
  account: string;
  reviewerName: string;
}

/** One shared post: when it goes out, a preview per network, the latest decision and the reviewer's choice. */
export function SharedPostCard({ token, post, account, reviewerName }: SharedPostCardProps) {
  const titleId = `post-${post.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <div className="card__header">
        <div className="stack stack--sm">
          <h2 id={titleId} className="card__title">
            {post.title}
          </h2>
          <p className="muted small">
            {post.scheduledLocal
              ? `Planned for ${formatLongDay(dayOf(post.scheduledLocal))}, ${timeOf(post.scheduledLocal)}`
              : 'No date yet'}
          </p>
        </div>
        {post.decision && <DecisionBadge decision={post.decision} />}
      </div>
      <div className="card__body stack">
        <div className={styles.previews}>
          {post.variants.map((variant) => {
            const image = variant.media.find((m) => !m.isVideo);
            return (
              <section key={variant.platform} className={styles.network} aria-label={platformLimits[variant.platform].name}>
                <h3 className="small">{platformLimits[variant.platform].name}</h3>
                <PostPreview
                  platform={variant.platform}
                  text={variant.text}
                  title={post.title}
                  account={account}
                  image={image ? { url: image.url, alt: image.alt } : null}
                />
                {variant.media.some((m) => m.isVideo) && <p className="muted small">With a video.</p>}
              </section>
            );
          })}
        </div>
        {post.decision && <LatestDecision decision={post.decision} />}
        <DecisionForm token={token} post={post} reviewerName={reviewerName} />
      </div>
    </article>
  );
}

function DecisionBadge({ decision }: { decision: ReviewDecision }) {
  return decision.verdict === 'approved' ? (
    <Badge tone="success">Approved</Badge>
  ) : (
    <Badge tone="warning">Changes requested</Badge>
  );
}

function LatestDecision({ decision }: { decision: ReviewDecision }) {
  return (
    <div className={styles.decision}>
      <p className="small">
        {decision.verdict === 'approved' ? 'Approved' : 'Changes requested'} by <strong>{decision.reviewerName}</strong>,{' '}
        {formatDateTime(decision.decidedAt)}.
      </p>
      {decision.comment && <p className={`${styles.comment} small`}>“{decision.comment}”</p>}
    </div>
  );
}
