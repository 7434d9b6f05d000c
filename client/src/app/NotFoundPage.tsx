import { ButtonLink } from '../components/Button';
import { Icon } from '../components/Icon';
import { useDocumentTitle } from '../components/PageHeader';

function NotFound({ as: Tag }: { as: 'main' | 'div' }) {
  useDocumentTitle('Page not found');
  return (
    <Tag className="state" style={{ minHeight: '60vh', alignContent: 'center' }}>
      <span className="state__icon">
        <Icon name="globe" />
      </span>
      <h1 className="state__title" style={{ fontSize: 'var(--text-2xl)' }} tabIndex={-1} data-page-heading>
        Page not found
      </h1>
      <p className="state__text">The address may be mistyped, or the page has moved.</p>
      <div className="state__actions">
        <ButtonLink to={Tag === 'main' ? '/' : '/app'} variant="primary">
          {Tag === 'main' ? 'Go to the home page' : 'Go to the dashboard'}
        </ButtonLink>
      </div>
    </Tag>
  );
}

/** Outside the app: the page is the whole document. */
export default function NotFoundPage() {
  return <NotFound as="main" />;
}

/** Inside the app shell, which already holds the page's main landmark. */
export function AppNotFoundPage() {
  return <NotFound as="div" />;
}
