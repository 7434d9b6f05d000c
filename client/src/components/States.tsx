import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';

/** Placeholder rows shaped like the content that is on its way. */
export function LoadingState({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="stack stack--sm" style={{ padding: 'var(--space-6)' }}>
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton" style={{ height: 20, width: `${90 - i * 15}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

interface EmptyStateProps {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ icon = 'sparkles', title, children, actions }: EmptyStateProps) {
  return (
    <div className="state">
      <span className="state__icon">
        <Icon name={icon} />
      </span>
      <h2 className="state__title">{title}</h2>
      {children && <p className="state__text">{children}</p>}
      {actions && <div className="state__actions">{actions}</div>}
    </div>
  );
}

interface ErrorStateProps {
  error: unknown;
  /** Retries the failed request; offered for lost connections and server errors. */
  onRetry?: () => void;
  retrying?: boolean;
  title?: string;
}

/** What went wrong, in words, with a way forward: a retry when trying again can help. */
export function ErrorState({ error, onRetry, retrying = false, title }: ErrorStateProps) {
  const apiError = isApiError(error) ? error : null;
  const offline = apiError?.isNetwork ?? false;
  const heading =
    title ??
    (offline
      ? 'You seem to be offline'
      : apiError?.status === 404
        ? 'Not found'
        : apiError?.status === 403
          ? 'No access'
          : 'Something went wrong');
  const text = offline
    ? 'We could not reach AI Brand Automator. Check your connection, then try again.'
    : apiError?.status === 404
      ? 'It may have been deleted, or it belongs to a workspace you are not signed in to.'
      : (apiError?.userMessage ?? 'The page could not be shown. Try again in a moment.');
  const canRetry = onRetry && (!apiError || offline || apiError.status >= 500 || apiError.status === 429);
  return (
    <div className="state" role="alert">
      <span className="state__icon state__icon--error">
        <Icon name={offline ? 'wifiOff' : 'alert'} />
      </span>
      <h2 className="state__title">{heading}</h2>
      <p className="state__text">{text}</p>
      {apiError?.traceId && apiError.status >= 500 && <p className="state__meta">Reference: {apiError.traceId}</p>}
      {canRetry && (
        <div className="state__actions">
          <Button variant="primary" icon="refresh" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  loadingLabel: string;
  rows?: number;
  children: (data: T) => ReactNode;
}

/** The one way pages show a query: skeleton while loading, an error with a retry, else the data. */
export function QueryState<T>({ query, loadingLabel, rows, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} rows={rows} />;
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return <>{children(query.data)}</>;
}
