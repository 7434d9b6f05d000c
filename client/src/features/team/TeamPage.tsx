import { useState } from 'react';
import { errorMessage, roles, type Member, type Role } from '../../api';
import { Avatar } from '../../components/Avatar';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDate, formatRelative } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { useChangeRole, useInvitations, useMembers, useRemoveMember, useRevokeInvitation } from './api';
import { InviteForm } from './InviteForm';
import { roleLabel } from './roles';

export default function TeamPage() {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const members = useMembers();

  return (
    <div className="stack">
      {isAdmin && (
        <section className="card" aria-labelledby="invite-title">
          <div className="card__header">
            <div>
              <h2 id="invite-title" className="card__title">
                Invite a teammate
              </h2>
              <p className="card__subtitle">They get an e-mail with a link to join this workspace.</p>
            </div>
          </div>
          <div className="card__body">
            <InviteForm />
          </div>
        </section>
      )}

      <section className="card" aria-labelledby="members-title">
        <div className="card__header">
          <div>
            <h2 id="members-title" className="card__title">
              Members{members.data ? ` (${members.data.length})` : ''}
            </h2>
            <p className="card__subtitle">
              {isAdmin ? 'Change what each person can do, or remove them.' : 'The people in this workspace.'}
            </p>
          </div>
        </div>
        <div className="card__body card__body--flush">
          <QueryState query={members} loadingLabel="Loading members">
            {(list) => <MembersTable members={list} editable={isAdmin} currentUserId={session?.user.id ?? ''} />}
          </QueryState>
        </div>
      </section>

      {isAdmin && <PendingInvitations />}
    </div>
  );
}

function MembersTable({ members, editable, currentUserId }: { members: Member[]; editable: boolean; currentUserId: string }) {
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const toast = useToast();
  const [removing, setRemoving] = useState<Member | null>(null);

  const onRoleChange = (member: Member, role: Role) =>
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => toast.success(`${member.fullName} is now ${roleLabel(role).toLowerCase()}.`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <>
      <div className="table-wrap">
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const self = member.userId === currentUserId;
              return (
                <tr key={member.userId}>
                  <td>
                    <div className="person">
                      <Avatar name={member.fullName || member.email} />
                      <div>
                        <div className="person__name">
                          {member.fullName} {self && <Badge tone="primary">You</Badge>}
                        </div>
                        <div className="person__email small">{member.email}</div>
                      </div>
                    </div>
                  </td>
                  <td data-label="Role">
                    {editable && !self ? (
                      <select
                        className="select select--sm"
                        aria-label={`Role of ${member.fullName}`}
                        value={member.role}
                        disabled={changeRole.isPending && changeRole.variables?.userId === member.userId}
                        onChange={(event) => onRoleChange(member, event.target.value as Role)}
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {roleLabel(role)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <Badge tone={member.role === 'admin' ? 'primary' : 'neutral'}>{roleLabel(member.role)}</Badge>
                    )}
                  </td>
                  <td data-label="Joined" className="cell-muted">
                    {formatDate(member.joinedAt)}
                  </td>
                  {editable && (
                    <td className="cell-actions">
                      {!self && (
                        <Button variant="danger-ghost" size="sm" onClick={() => setRemoving(member)}>
                          Remove<span className="visually-hidden"> {member.fullName}</span>
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.fullName ?? ''}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.userId, {
            onSuccess: () => {
              toast.success(`${removing.fullName} was removed.`);
              setRemoving(null);
            },
          })
        }
      >
        They lose access to this workspace at once, and their sessions in it end. You can invite them again later.
      </ConfirmDialog>
    </>
  );
}

function PendingInvitations() {
  const invitations = useInvitations(true);
  const revoke = useRevokeInvitation();
  const toast = useToast();

  return (
    <section className="card" aria-labelledby="invitations-title">
      <div className="card__header">
        <div>
          <h2 id="invitations-title" className="card__title">
            Pending invitations
          </h2>
          <p className="card__subtitle">Invitations that have not been accepted yet. Each link works once.</p>
        </div>
      </div>
      <div className="card__body card__body--flush">
        <QueryState query={invitations} loadingLabel="Loading invitations" rows={2}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState icon="mail" title="No pending invitations">
                People you invite appear here until they accept.
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table table--stack">
                  <thead>
                    <tr>
                      <th scope="col">E-mail</th>
                      <th scope="col">Role</th>
                      <th scope="col">Sent</th>
                      <th scope="col">Expires</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((invitation) => (
                      <tr key={invitation.id}>
                        <td className="person__email" style={{ color: 'var(--color-text)', fontWeight: 600 }}>
                          {invitation.email}
                        </td>
                        <td data-label="Role">
                          <Badge>{roleLabel(invitation.role)}</Badge>
                        </td>
                        <td data-label="Sent" className="cell-muted">
                          {formatRelative(invitation.createdAt)}
                        </td>
                        <td data-label="Expires" className="cell-muted">
                          {formatDate(invitation.expiresAt)}
                        </td>
                        <td className="cell-actions">
                          <Button
                            variant="ghost"
                            size="sm"
                            loading={revoke.isPending && revoke.variables === invitation.id}
                            onClick={() =>
                              revoke.mutate(invitation.id, {
                                onSuccess: () => toast.success(`The invitation to ${invitation.email} was withdrawn.`),
                                onError: (error) => toast.error(errorMessage(error)),
                              })
                            }
                          >
                            Withdraw<span className="visually-hidden"> the invitation to {invitation.email}</span>
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryState>
      </div>
    </section>
  );
}
