import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, ButtonLink } from './Button';
import { Icon } from './Icon';
import { useDocumentTitle } from './PageHeader';

/** A page's code failed to download: the usual sign of a lost connection (or of a new deployment). */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to fetch/i.test(
      error.message,
    )
  );
}

/**
 * Shown instead of a page that could not load or crashed: never a blank screen. `embedded` inside the app shell,
 * which keeps its navigation and its own main landmark.
 */
export function RouteError({ embedded = false }: { embedded?: boolean }) {
  const Tag = embedded ? 'div' : 'main';
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const offline = isChunkLoadError(error);
  useDocumentTitle(notFound ? 'Page not found' : 'Something went wrong');

  const title = notFound ? 'Page not found' : offline ? 'This page could not load' : 'Something went wrong';
  const text = notFound
    ? 'The address may be mistyped, or the page has moved.'
    : offline
      ? 'We could not reach AI Brand Automator. Check your connection, then try again.'
      : 'An unexpected error stopped this page. Reloading usually helps; your data is safe.';

  return (
    <Tag className="state" style={{ minHeight: embedded ? '50vh' : '70vh', alignContent: 'center' }}>
      <span className={notFound ? 'state__icon' : 'state__icon state__icon--error'}>
        <Icon name={notFound ? 'globe' : offline ? 'wifiOff' : 'alert'} />
      </span>
      <h1 className="state__title" style={{ fontSize: 'var(--text-2xl)' }} tabIndex={-1} data-page-heading>
        {title}
      </h1>
      <p className="state__text">{text}</p>
      <div className="state__actions">
        {!notFound && (
          <Button variant="primary" icon="refresh" onClick={() => window.location.reload()}>
            Try again
          </Button>
        )}
        <ButtonLink to={embedded ? '/app' : '/'} variant={notFound ? 'primary' : 'secondary'}>
          {embedded ? 'Go to the dashboard' : 'Go to the home page'}
        </ButtonLink>
      </div>
    </Tag>
  );
}
