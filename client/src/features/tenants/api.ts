import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import { switchTenant } from '../auth/api';
import { useSession } from '../auth/useSession';

export function useTenants() {
  const session = useSession();
  return useQuery({
    queryKey: ['user', session?.user.id, 'tenants'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/tenants', { signal })),
    enabled: !!session,
  });
}

export function useSwitchTenant() {
  return useMutation({ mutationFn: (tenantId: string) => switchTenant(tenantId) });
}

/** Creates a workspace with the caller as admin, then moves into it. */
export function useCreateTenant() {
  return useMutation({
    mutationFn: async (name: string) => {
      const tenant = await unwrap(api.POST('/api/v1/tenants', { body: { name } }));
      return switchTenant(tenant.id);
    },
  });
}
