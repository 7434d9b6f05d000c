import { Navigate, Outlet, useLocation } from 'react-router';
import { sessionStore } from '../../api';
import { useSession } from '../../features/auth/useSession';
import { useWorkspaceSettings } from '../../features/settings/api';
import { setDisplayTimeZone } from '../../lib/format';
import { AppShell } from './AppShell';

const accountPage = '/app/settings/account';

/** The signed-in part of the app: without a session, off to sign-in, coming back here afterwards. */
export default function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const settings = useWorkspaceSettings(session !== null);
  // Before the pages render: they show every time in the workspace's zone (re-rendered when it arrives or changes).
  setDisplayTimeZone(settings.data?.timeZone);
  if (!session) {
    const reason = sessionStore.endReason();
    // Someone who signed out chose to leave; anyone else (a new visitor, an expired session) comes back here.
    if (reason === 'signed-out') return <Navigate to="/sign-in?reason=signed-out" replace />;
    const params = new URLSearchParams({ next: location.pathname + location.search });
    if (reason) params.set('reason', reason);
    return <Navigate to={`/sign-in?${params}`} replace />;
  }
  // The workspace requires a second factor and this member has none yet: setting it up comes first.
  if (session.tenant.requiresTwoFactor && !session.user.twoFactorEnabled && location.pathname !== accountPage)
    return <Navigate to={`${accountPage}?two-factor=required`} replace />;
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}
