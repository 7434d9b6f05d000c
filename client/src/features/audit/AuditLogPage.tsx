import { Navigate, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState, QueryState } from '../../components/States';
import { formatDateTime, formatRelative } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { useMembers } from '../team/api';
import { auditPageSize, useAuditLog } from './api';

/** "SignInFailed" -> "Sign-in failed", with a tone for the events an admin should notice. */
const eventLabels: Record<string, { label: string; tone?: 'danger' | 'warning' | 'success' }> = {
  SignedUp: { label: 'Signed up', tone: 'success' },
  SignInSucceeded: { label: 'Signed in' },
  SignInFailed: { label: 'Sign-in failed', tone: 'warning' },
  AccountLockedOut: { label: 'Account locked', tone: 'danger' },
  SignedOut: { label: 'Signed out' },
  SessionRevoked: { label: 'Session ended' },
  RefreshTokenReuseDetected: { label: 'Token reuse detected', tone: 'danger' },
  TenantCreated: { label: 'Workspace created', tone: 'success' },
  InvitationSent: { label: 'Invitation sent' },
  InvitationAccepted: { label: 'Invitation accepted', tone: 'success' },
  InvitationRevoked: { label: 'Invitation withdrawn' },
  RoleChanged: { label: 'Role changed', tone: 'warning' },
  MemberRemoved: { label: 'Member removed', tone: 'warning' },
  PasswordResetRequested: { label: 'Password reset requested' },
  PasswordResetThrottled: { label: 'Password reset held back', tone: 'warning' },
  PasswordResetCompleted: { label: 'Password reset', tone: 'warning' },
  PasswordResetRefused: { label: 'Password reset link refused', tone: 'warning' },
  PasswordChanged: { label: 'Password changed', tone: 'warning' },
  PasswordChangeRefused: { label: 'Password change refused', tone: 'warning' },
  EmailVerificationSent: { label: 'Verification e-mail sent' },
  EmailVerified: { label: 'E-mail address verified', tone: 'success' },
  EmailVerificationRefused: { label: 'Verification link refused', tone: 'warning' },
  BrandGuardOverridden: { label: 'Brand check overridden', tone: 'warning' },
  ApiKeyCreated: { label: 'API key created', tone: 'warning' },
  ApiKeyRevoked: { label: 'API key revoked' },
  WebhookEndpointCreated: { label: 'Webhook endpoint added', tone: 'warning' },
  WebhookEndpointChanged: { label: 'Webhook endpoint changed' },
  WebhookEndpointDisabled: { label: 'Webhook endpoint turned off', tone: 'danger' },
  ReviewLinkCreated: { label: 'Client review link shared', tone: 'warning' },
  ReviewLinkRevoked: { label: 'Client review link revoked' },
  ClientApproved: { label: 'Client approved a post', tone: 'success' },
  ClientRequestedChanges: { label: 'Client asked for changes', tone: 'warning' },
  TwoFactorEnabled: { label: 'Two-step verification turned on', tone: 'success' },
  TwoFactorDisabled: { label: 'Two-step verification turned off', tone: 'warning' },
  TwoFactorRecoveryCodesRenewed: { label: 'New recovery codes made' },
  TwoFactorCodeRefused: { label: 'Verification code refused', tone: 'warning' },
  TwoFactorRecoveryCodeUsed: { label: 'Recovery code used', tone: 'warning' },
  TwoFactorRequirementChanged: { label: 'Two-step verification rule changed', tone: 'warning' },
};

function describe(type: string) {
  return eventLabels[type] ?? { label: type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()) };
}

export default function AuditLogPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const isAdmin = hasRole(session, 'admin');
  const log = useAuditLog(page, isAdmin);
  const members = useMembers();

  if (!isAdmin) return <Navigate to="/app/settings/team" replace />;

  const names = new Map(members.data?.map((m) => [m.userId, m.fullName || m.email]));
  const goTo = (next: number) => setParams(next === 1 ? {} : { page: String(next) });

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card__header">
        <div>
          <h2 id="audit-title" className="card__title">
            Audit log
          </h2>
          <p className="card__subtitle">Sign-ins, sessions, invitations and role changes in this workspace, newest first.</p>
        </div>
      </div>
      <div className="card__body card__body--flush">
        <QueryState query={log} loadingLabel="Loading the audit log" rows={6}>
          {(data) =>
            data.total === 0 ? (
              <EmptyState icon="shield" title="Nothing recorded yet">
                Security events appear here as they happen.
              </EmptyState>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="table table--stack" aria-describedby="audit-title">
                    <thead>
                      <tr>
                        <th scope="col">Event</th>
                        <th scope="col">Details</th>
                        <th scope="col">By</th>
                        <th scope="col">IP address</th>
                        <th scope="col">When</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((event) => {
                        const { label, tone } = describe(event.type);
                        return (
                          <tr key={event.id}>
                            <td>
                              <Badge tone={tone}>{label}</Badge>
                            </td>
                            <td data-label="Details">{event.detail}</td>
                            <td data-label="By" className="cell-muted">
                              {event.userId ? (names.get(event.userId) ?? 'A former member') : 'Unknown'}
                            </td>
                            <td data-label="IP address" className="cell-muted">
                              {event.ipAddress ?? '—'}
                            </td>
                            <td data-label="When" className="cell-muted">
                              <time dateTime={event.occurredAt} title={formatDateTime(event.occurredAt)}>
                                {formatRelative(event.occurredAt)}
                              </time>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <Pagination page={data.page} total={data.total} busy={log.isFetching} onPage={goTo} />
              </>
            )
          }
        </QueryState>
      </div>
    </section>
  );
}

function Pagination({
  page,
  total,
  busy,
  onPage,
}: {
  page: number;
  total: number;
  busy: boolean;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  const from = (page - 1) * auditPageSize + 1;
  const to = Math.min(total, page * auditPageSize);
  return (
    <nav className="pagination" aria-label="Audit log pages">
      <span aria-live="polite">
        {from}–{to} of {total} events
      </span>
      <span className="cluster">
        <Button size="sm" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)}>
          Newer
        </Button>
        <Button size="sm" disabled={page >= pages || busy} onClick={() => onPage(page + 1)}>
          Older
        </Button>
      </span>
    </nav>
  );
}
