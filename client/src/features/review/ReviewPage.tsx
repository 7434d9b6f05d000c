import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api';
import { Logo } from '../../components/Logo';
import { useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { formatDateTime, setDisplayTimeZone } from '../../lib/format';
import { useSharedReview, type SharedReview } from './api';
import { ReviewerNameForm } from './ReviewerNameForm';
import { SharedPostCard } from './SharedPostCard';
import styles from './review.module.css';

const nameKey = 'brandauto.reviewer-name';

/**
 * What a client opens from a review link, without an account: the shared posts as each network will show them, and
 * for each an approval or a request for changes under the name they type.
 */
export default function ReviewPage() {
  const { token = '' } = useParams();
  const review = useSharedReview(token);
  useDocumentTitle(review.data ? `Review: ${review.data.name}` : 'Review posts');

  return (
    <div className={styles.page}>
      <header className={styles.top}>
        <Logo />
      </header>
      <main className={styles.main}>
        {review.isPending ? (
          <LoadingState label="Loading the posts to review" />
        ) : review.isError ? (
          isApiError(review.error) && review.error.status === 404 ? (
            <EmptyState icon="alert" title="This review link no longer works">
              It may have expired or been withdrawn. Ask the person who sent it to you for a new link.
            </EmptyState>
          ) : (
            <ErrorState error={review.error} onRetry={() => void review.refetch()} retrying={review.isFetching} />
          )
        ) : (
          <Review token={token} review={review.data} />
        )}
      </main>
    </div>
  );
}

function Review({ token, review }: { token: string; review: SharedReview }) {
  // The name is remembered in this tab only: the reviewer's computer may be shared.
  const [name, setName] = useState(() => sessionStorage.getItem(nameKey) ?? '');
  useEffect(() => setDisplayTimeZone(review.timeZone), [review.timeZone]);
  const account = review.brand ?? review.workspace;
  const count = review.posts.length;

  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1 className="page-header__title" tabIndex={-1} data-page-heading>
            {review.name}
          </h1>
          <p className="page-header__description">
            {account} asks for your review of {count === 1 ? 'one post' : `${count} posts`}. Approve each, or say what to change.
            Times are in {review.timeZone.replace(/_/g, ' ')}; this link works until {formatDateTime(review.expiresAt)}.
          </p>
        </div>
      </header>
      <ReviewerNameForm
        name={name}
        onChange={(typed) => {
          sessionStorage.setItem(nameKey, typed);
          setName(typed);
        }}
      />
      {count === 0 ? (
        <EmptyState icon="check" title="Nothing left to review">
          The posts shared here were withdrawn.
        </EmptyState>
      ) : (
        <ul className={styles.posts} aria-label="Posts to review">
          {review.posts.map((post) => (
            <li key={post.id}>
              <SharedPostCard token={token} post={post} account={account} reviewerName={name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
