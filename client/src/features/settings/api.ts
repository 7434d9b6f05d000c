import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type WorkspaceSettings = components['schemas']['ContentSettingsDto'];

/** The same cache entry as the calendar's settings: one answer serves the shell, the calendar and this page. */
function useSettingsKey() {
  return ['tenant', useSession()?.tenant.id, 'content', 'settings'] as const;
}

export function useWorkspaceSettings(enabled = true) {
  const key = useSettingsKey();
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/content/settings', { signal })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Every time on every page is shown in this zone, so everything of the workspace is read again once it changes. */
export function useSetTimeZone() {
  const queryClient = useQueryClient();
  const tenantId = useSession()?.tenant.id ?? '';
  return useMutation({
    mutationFn: (timeZone: string) =>
      unwrap(api.PUT('/api/v1/tenants/{id}/time-zone', { params: { path: { id: tenantId } }, body: { timeZone } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenant', tenantId] }),
  });
}

export function useSetApprovalRules() {
  const queryClient = useQueryClient();
  const key = useSettingsKey();
  return useMutation({
    mutationFn: (rules: { approvalRequired: boolean; adminsMayApproveOwnPosts: boolean }) =>
      unwrap(api.PUT('/api/v1/content/settings', { body: rules })),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: key.slice(0, 3) });
    },
  });
}

/** The zones this browser knows (IANA ids), the workspace's own first if the browser lacks it. */
export function timeZones(current?: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = known.includes('UTC') ? [...known] : ['UTC', ...known];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
