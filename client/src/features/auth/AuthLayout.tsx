import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { Logo } from '../../components/Logo';
import { useDocumentTitle } from '../../components/PageHeader';
import styles from './auth.module.css';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

const points = [
  'A brand strategy grounded in your own documents',
  'An AI strategist that cites the asset it used',
  'A content calendar that publishes on time, once',
];

/** The frame of the sign-in style pages: the form, and on wide screens what the product does. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <div className={styles.page}>
      <main className={styles.main}>
        <div className={styles.header}>
          <Logo />
        </div>
        <div className={styles.panel}>
          <h1 className={styles.title} tabIndex={-1} data-page-heading>
            {title}
          </h1>
          {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
          <div className={styles.body}>{children}</div>
          {footer && <div className={styles.footer}>{footer}</div>}
        </div>
        <p className={styles.legal}>
          <Link to="/">Back to the home page</Link>
        </p>
      </main>
      <aside className={styles.aside} aria-label="Why AI Brand Automator">
        <div className={styles.asideInner}>
          <p className={styles.quote}>
            From a blank page to a month of on-brand posts, grounded in what your brand already says.
          </p>
          <ul className={styles.points}>
            {points.map((point) => (
              <li key={point}>
                <Icon name="check" />
                {point}
              </li>
            ))}
          </ul>
        </div>
      </aside>
    </div>
  );
}
