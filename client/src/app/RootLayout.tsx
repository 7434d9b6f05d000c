import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { SessionWatcher } from './SessionWatcher';

/**
 * Wraps every page. After an in-app navigation, focus moves to the new page's heading so that keyboard and
 * screen-reader users start at the top of what changed (the first page load keeps the browser's own focus).
 */
export function RootLayout() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      document.querySelector<HTMLElement>('[data-page-heading]')?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return (
    <>
      <ConnectionBanner />
      <SessionWatcher />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
