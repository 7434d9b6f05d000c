import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type Dashboard = components['schemas']['DashboardDto'];
export type WeekCount = components['schemas']['WeekCountDto'];

export function useDashboard() {
  return useQuery({
    queryKey: ['tenant', useSession()?.tenant.id, 'dashboard'] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/dashboard', { signal })),
  });
}
