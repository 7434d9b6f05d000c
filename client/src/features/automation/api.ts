import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type CreateGoogleBusinessLocationRequest, type SocialPlatform, type SocialProfileKit } from '../../api';
import { useSession } from '../auth/useSession';

/** The networks in the order the pages show them. */
export const platforms: { value: SocialPlatform; label: string }[] = [
  { value: 'linkedIn', label: 'LinkedIn' },
  { value: 'x', label: 'X' },
  { value: 'facebook', label: 'Facebook' },
  { value: 'instagram', label: 'Instagram' },
  { value: 'googleBusiness', label: 'Google Business Profile' },
  { value: 'bluesky', label: 'Bluesky' },
  { value: 'threads', label: 'Threads' },
  { value: 'pinterest', label: 'Pinterest' },
  { value: 'youTube', label: 'YouTube' },
  { value: 'tikTok', label: 'TikTok' },
];

function useKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    kits: (companyId: string) => ['tenant', tenantId, 'profile-kits', companyId] as const,
    locations: (companyId: string) => ['tenant', tenantId, 'gbp-locations', companyId] as const,
    connections: ['tenant', tenantId, 'social-connections'] as const,
  };
}

export function useProfileKits(companyId: string | undefined) {
  const keys = useKeys();
  return useQuery({
    queryKey: keys.kits(companyId ?? ''),
    enabled: Boolean(companyId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/automation/social-profiles', { params: { query: { companyId } }, signal })),
  });
}

/** Replaces the kits the server returned in the cached list, keeping the others. */
function merge(list: SocialProfileKit[] | undefined, fresh: SocialProfileKit[]) {
  const others = (list ?? []).filter((kit) => !fresh.some((f) => f.id === kit.id));
  return [...others, ...fresh].sort((a, b) => order(a.platform) - order(b.platform));
}

function order(platform: SocialPlatform) {
  return platforms.findIndex((p) => p.value === platform);
}

export function useCreateProfileKits(companyId: string) {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (chosen: SocialPlatform[]) =>
      unwrap(api.POST('/api/v1/automation/create-social-profiles', { body: { companyId, platforms: chosen } })),
    onSuccess: (kits) => queryClient.setQueryData<SocialProfileKit[]>(keys.kits(companyId), (list) => merge(list, kits)),
  });
}

export function useRegenerateKit(companyId: string) {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/automation/social-profiles/{id}/regenerate', { params: { path: { id } } })),
    onSuccess: (kit) => queryClient.setQueryData<SocialProfileKit[]>(keys.kits(companyId), (list) => merge(list, [kit])),
  });
}

export function usePushKit(companyId: string) {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/automation/social-profiles/{id}/push', { params: { path: { id } } })),
    onSuccess: (kit) => queryClient.setQueryData<SocialProfileKit[]>(keys.kits(companyId), (list) => merge(list, [kit])),
  });
}

export function useConnections() {
  const keys = useKeys();
  return useQuery({
    queryKey: keys.connections,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/social/connections', { signal })),
  });
}

export function useLocations(companyId: string | undefined) {
  const keys = useKeys();
  return useQuery({
    queryKey: keys.locations(companyId ?? ''),
    enabled: Boolean(companyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/automation/google-business-profile', { params: { query: { companyId } }, signal })),
  });
}

export function useCreateLocation(companyId: string) {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoogleBusinessLocationRequest) =>
      unwrap(api.POST('/api/v1/automation/google-business-profile', { body })),
    // A failed attempt is recorded too (with its kept request id), so the list is refreshed either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.locations(companyId) }),
  });
}

export function useRefreshVerification(companyId: string) {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/automation/google-business-profile/{id}/verification', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.locations(companyId) }),
  });
}
