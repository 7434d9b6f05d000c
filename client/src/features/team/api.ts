import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Member, type Role } from '../../api';
import { useSession } from '../auth/useSession';

function useTeamKeys() {
  const tenantId = useSession()?.tenant.id ?? '';
  return {
    tenantId,
    members: ['tenant', tenantId, 'members'] as const,
    invitations: ['tenant', tenantId, 'invitations'] as const,
  };
}

export function useMembers() {
  const keys = useTeamKeys();
  return useQuery({
    queryKey: keys.members,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/tenants/{id}/users', { params: { path: { id: keys.tenantId } }, signal })),
    enabled: !!keys.tenantId,
  });
}

/** Pending invitations: admins only (the API answers 403 to others, so others do not ask). */
export function useInvitations(enabled: boolean) {
  const keys = useTeamKeys();
  return useQuery({
    queryKey: keys.invitations,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/tenants/{id}/invitations', { params: { path: { id: keys.tenantId } }, signal })),
    enabled: enabled && !!keys.tenantId,
  });
}

export function useInvite() {
  const keys = useTeamKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      unwrap(api.POST('/api/v1/tenants/{id}/users/invite', { params: { path: { id: keys.tenantId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
}

export function useRevokeInvitation() {
  const keys = useTeamKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        api.DELETE('/api/v1/tenants/{id}/invitations/{invitationId}', {
          params: { path: { id: keys.tenantId, invitationId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
}

export function useChangeRole() {
  const keys = useTeamKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(
        api.PUT('/api/v1/tenants/{id}/users/{userId}/role', {
          params: { path: { id: keys.tenantId, userId } },
          body: { role },
        }),
      ),
    onSuccess: (updated) =>
      queryClient.setQueryData<Member[]>(keys.members, (list) => list?.map((m) => (m.userId === updated.userId ? updated : m))),
  });
}

export function useRemoveMember() {
  const keys = useTeamKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/tenants/{id}/users/{userId}', { params: { path: { id: keys.tenantId, userId } } })),
    onSuccess: (_, userId) =>
      queryClient.setQueryData<Member[]>(keys.members, (list) => list?.filter((m) => m.userId !== userId)),
  });
}
