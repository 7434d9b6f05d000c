import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, sessionStore, unwrap } from '../../api';
import { useSession } from '../auth/useSession';

const statusKey = ['user', 'two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/two-factor', { signal })),
  });
}

/** A new key for the authenticator app; nothing changes for sign-in until a code confirms it. */
export function useStartEnrolment() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/two-factor/authenticator')) });
}

function useSettled() {
  const queryClient = useQueryClient();
  return (enabled: boolean) => {
    sessionStore.update({ user: { twoFactorEnabled: enabled } });
    return queryClient.invalidateQueries({ queryKey: statusKey });
  };
}

/** Turns it on with a code from the new key; answers the recovery codes, shown once. */
export function useEnableTwoFactor() {
  const settled = useSettled();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/auth/two-factor/enable', { body: { code } })),
    onSuccess: () => settled(true),
  });
}

export function useDisableTwoFactor() {
  const settled = useSettled();
  return useMutation({
    mutationFn: (proof: { code?: string; password?: string }) =>
      unwrap(api.POST('/api/v1/auth/two-factor/disable', { body: proof })),
    onSuccess: () => settled(false),
  });
}

export function useRenewRecoveryCodes() {
  const settled = useSettled();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/auth/two-factor/recovery-codes', { body: { code } })),
    onSuccess: () => settled(true),
  });
}

/** The workspace's rule (admins): every member signs in with a second factor. */
export function useSetTwoFactorRequirement() {
  const queryClient = useQueryClient();
  const tenantId = useSession()?.tenant.id ?? '';
  return useMutation({
    mutationFn: (required: boolean) =>
      unwrap(api.PUT('/api/v1/tenants/{id}/two-factor', { params: { path: { id: tenantId } }, body: { required } })),
    onSuccess: (saved) => {
      sessionStore.update({ tenant: { requiresTwoFactor: saved.requiresTwoFactor } });
      return queryClient.invalidateQueries({ queryKey: statusKey });
    },
  });
}
