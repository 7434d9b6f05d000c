import type { Role } from '../api';
import type { IconName } from '../components/Icon';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Hidden below this role (the API refuses the calls anyway). */
  minRole?: Role;
  /** Active only on this exact path (the dashboard), not on its children. */
  end?: boolean;
}

/** The app's sections, in order. A feature adds its entry here when its pages land. */
export const mainNavigation: NavItem[] = [
  { to: '/app', label: 'Dashboard', icon: 'home', end: true },
  { to: '/app/brands', label: 'Brands', icon: 'building' },
  { to: '/app/onboarding', label: 'Brand setup', icon: 'sparkles' },
  { to: '/app/files', label: 'Files', icon: 'folder' },
  { to: '/app/chat', label: 'Chat', icon: 'message' },
  { to: '/app/market', label: 'Market analysis', icon: 'chart' },
  { to: '/app/calendar', label: 'Calendar', icon: 'calendar' },
  { to: '/app/approvals', label: 'Approvals', icon: 'check' },
  { to: '/app/analytics', label: 'Analytics', icon: 'chart' },
  { to: '/app/automation/connections', label: 'Connections', icon: 'globe' },
  { to: '/app/automation/profiles', label: 'Profile kits', icon: 'users' },
  { to: '/app/automation/google-business', label: 'Google Business', icon: 'tag' },
];

/** Under the "Workspace" heading: team, sessions and audit log live as tabs of Settings. */
export const accountNavigation: NavItem[] = [{ to: '/app/settings', label: 'Settings', icon: 'settings' }];
