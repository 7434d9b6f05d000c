import { NavLink, Outlet, useLocation } from 'react-router';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { hasRole, useSession } from '../auth/useSession';

const tabs = [
  { to: 'workspace', label: 'Workspace', adminOnly: false },
  { to: 'account', label: 'Account', adminOnly: false },
  { to: 'team', label: 'Team', adminOnly: false },
  { to: 'sessions', label: 'Sessions', adminOnly: false },
  { to: 'billing', label: 'Billing', adminOnly: false },
  { to: 'calendar-link', label: 'Calendar link', adminOnly: false },
  { to: 'queue', label: 'Queue', adminOnly: false },
  { to: 'feeds', label: 'Feeds', adminOnly: false },
  { to: 'brand-rules', label: 'Brand rules', adminOnly: false },
  { to: 'snippets', label: 'Snippets', adminOnly: false },
  { to: 'audit-log', label: 'Audit log', adminOnly: true },
  { to: 'api-keys', label: 'API keys', adminOnly: true },
  { to: 'webhooks', label: 'Webhooks', adminOnly: true },
];

export default function SettingsLayout() {
  const session = useSession();
  const { pathname } = useLocation();
  const visible = tabs.filter((tab) => !tab.adminOnly || hasRole(session, 'admin'));
  const active = visible.find((tab) => pathname.endsWith(`/settings/${tab.to}`));
  // Effects run child first; this one names the tab, after the header's generic title.
  useDocumentTitle(active ? `${active.label} · Settings` : 'Settings');

  return (
    <>
      <PageHeader
        title="Settings"
        description={`Your account, the workspace's time zone and approval rules, your team, your sessions, your calendar link, the security log, API keys, webhooks and the plan of ${session?.tenant.name ?? 'this workspace'}.`}
      />
      <nav className="tabs" aria-label="Settings">
        {visible.map((tab) => (
          <NavLink key={tab.to} to={tab.to}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
