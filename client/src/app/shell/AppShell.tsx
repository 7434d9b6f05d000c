import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Icon } from '../../components/Icon';
import { Logo } from '../../components/Logo';
import { UserMenu } from '../../features/auth/UserMenu';
import { hasRole, useSession } from '../../features/auth/useSession';
import { TenantSwitcher } from '../../features/tenants/TenantSwitcher';
import { accountNavigation, mainNavigation, type NavItem } from '../navigation';
import styles from './AppShell.module.css';

export function AppShell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  // The drawer is open for the page it was opened on: following one of its links closes it.
  const [drawerPath, setDrawerPath] = useState<string | null>(null);
  const drawerOpen = drawerPath === pathname;
  const setDrawerOpen = (open: boolean) => setDrawerPath(open ? pathname : null);
  const drawer = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = drawer.current;
    if (!dialog) return;
    if (drawerOpen && !dialog.open) dialog.showModal();
    if (!drawerOpen && dialog.open) dialog.close();
  }, [drawerOpen]);

  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className={styles.sidebar} aria-label="Sidebar">
        <SidebarContent />
      </aside>

      <header className={styles.topbar}>
        <button
          type="button"
          className="btn btn--ghost btn--icon"
          onClick={() => setDrawerOpen(true)}
          aria-label="Open navigation"
          aria-expanded={drawerOpen}
        >
          <Icon name="menu" />
        </button>
        <Logo to="/app" />
        <div className={styles.topbarEnd}>
          <UserMenu compact />
        </div>
      </header>

      {/* A click on the backdrop (the dialog itself, outside its panel) closes it; Escape does so from the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <dialog
        ref={drawer}
        className={styles.drawer}
        aria-label="Navigation"
        onCancel={(event) => {
          event.preventDefault();
          setDrawerOpen(false);
        }}
        onClick={(event) => {
          if (event.target === event.currentTarget) setDrawerOpen(false);
        }}
      >
        {drawerOpen && (
          <div className={styles.drawerPanel}>
            <button
              type="button"
              className={`btn btn--ghost btn--icon ${styles.drawerClose}`}
              onClick={() => setDrawerOpen(false)}
              aria-label="Close navigation"
            >
              <Icon name="x" />
            </button>
            <SidebarContent />
          </div>
        )}
      </dialog>

      <main id="main" className={styles.main} tabIndex={-1}>
        <div className={styles.content}>{children}</div>
      </main>
    </div>
  );
}

function SidebarContent() {
  const session = useSession();
  const headingId = useId();
  const visible = (item: NavItem) => !item.minRole || hasRole(session, item.minRole);
  return (
    <div className={styles.sidebarInner}>
      <div className={styles.brand}>
        <Logo to="/app" />
      </div>
      <TenantSwitcher />
      <nav aria-label="Main" className={styles.nav}>
        <ul>
          {mainNavigation.filter(visible).map((item) => (
            <NavEntry key={item.to} item={item} />
          ))}
        </ul>
        <p className={styles.navHeading} id={headingId}>
          Workspace
        </p>
        <ul aria-labelledby={headingId}>
          {accountNavigation.filter(visible).map((item) => (
            <NavEntry key={item.to} item={item} />
          ))}
        </ul>
      </nav>
      <div className={styles.sidebarFooter}>
        <UserMenu />
      </div>
    </div>
  );
}

function NavEntry({ item }: { item: NavItem }) {
  return (
    <li>
      <NavLink to={item.to} end={item.end} className={styles.navLink}>
        <Icon name={item.icon} />
        {item.label}
      </NavLink>
    </li>
  );
}
