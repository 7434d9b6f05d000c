import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import { useSession } from '../auth/useSession';

export const auditPageSize = 25;

export function useAuditLog(page: number, enabled: boolean) {
  const tenantId = useSession()?.tenant.id ?? '';
  return useQuery({
    queryKey: ['tenant', tenantId, 'audit-log', page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/tenants/{id}/audit-log', {
          params: { path: { id: tenantId }, query: { page, pageSize: auditPageSize } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: enabled && !!tenantId,
  });
}
