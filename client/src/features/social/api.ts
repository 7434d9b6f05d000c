import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

type Schemas = components['schemas'];

export type SocialPlatform = Schemas['SocialPlatform'];
export type ConnectionHealth = Schemas['ConnectionHealth'];
export type SocialConnection = Schemas['SocialConnectionDto'];
export type SocialProfile = Schemas['SocialProfileDto'];
export type ConnectionWarning = Schemas['ConnectionWarningDto'];

export const platforms: readonly SocialPlatform[] = [
  'linkedIn',
  'x',
  'facebook',
  'instagram',
  'googleBusiness',
  'bluesky',
  'threads',
  'pinterest',
  'youTube',
  'tikTok',
];

export { platformLabels as platformNames, connectionHealthLabels as healthLabels } from '../../lib/labels';

export function isPlatform(value: string | null): value is SocialPlatform {
  return value !== null && (platforms as readonly string[]).includes(value);
}

function useKey(name: string) {
  return ['tenant', useSession()?.tenant.id, 'social', name] as const;
}

export function useConnections() {
  const key = useKey('connections');
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/social/connections', { signal })) });
}

export function useProfiles() {
  const key = useKey('profiles');
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/social/profiles', { signal })) });
}

/** Asks the API where to send the browser: the authorisation request carries state and PKCE challenge, never a token. */
export function useStartConnection() {
  return useMutation({
    mutationFn: async (platform: SocialPlatform) => {
      const start = await unwrap(api.GET('/api/v1/social/connect/{platform}', { params: { path: { platform } } }));
      return start.authorizationUrl;
    },
    onSuccess: (url) => window.location.assign(url),
  });
}

/** Bluesky signs in with a handle and an app password (no OAuth app to register); the password is not kept. */
export function useConnectBluesky() {
  const queryClient = useQueryClient();
  const keys = [useKey('connections'), useKey('profiles'), useKey('networks')];
  return useMutation({
    mutationFn: (body: { handle: string; appPassword: string }) =>
      unwrap(api.POST('/api/v1/social/connect/bluesky', { body: { ...body, companyId: null } })),
    onSuccess: () => {
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useDisconnect() {
  const queryClient = useQueryClient();
  const key = useKey('connections');
  const profiles = useKey('profiles');
  const networks = useKey('networks');
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/social/connections/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.setQueryData<SocialConnection[]>(key, (list) => list?.filter((c) => c.id !== id));
      void queryClient.invalidateQueries({ queryKey: profiles });
      void queryClient.invalidateQueries({ queryKey: networks });
    },
  });
}

export function healthTone(health: ConnectionHealth): 'success' | 'warning' | 'danger' {
  if (health === 'ok') return 'success';
  if (health === 'expiring') return 'warning';
  return 'danger';
}

export type PublishingNetwork = Schemas['PublishingNetworkDto'];

/**
 * Every network with the accounts a post can go out through now, whether this server can connect it and, for admins,
 * why not.
 */
export function useNetworks() {
  const key = useKey('networks');
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/social/networks', { signal })),
    staleTime: 60_000,
  });
}

export type PinterestBoard = Schemas['PinterestBoardDto'];

/** The boards of a connected Pinterest account (read from Pinterest through the API), for the composer's board picker. */
export function usePinterestBoards(connectionId: string | undefined) {
  const key = [...useKey('pinterest-boards'), connectionId] as const;
  return useQuery({
    queryKey: key,
    enabled: !!connectionId,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/social/connections/{id}/pinterest-boards', { params: { path: { id: connectionId! } }, signal })),
  });
}

/** The account a post of this brand goes out through on `platform`: the brand's own, else one shared by all brands. */
export function accountFor(network: PublishingNetwork | undefined, companyId: string | null | undefined) {
  const working = (network?.accounts ?? []).filter((account) => account.canPublish);
  return (
    working.find((account) => companyId && account.companyId === companyId) ??
    working.find((account) => !account.companyId) ??
    working[0]
  );
}

export type TikTokCreator = Schemas['TikTokCreatorDto'];

/** What a connected TikTok creator may post now (read from TikTok through the API): privacy choices, interactions off. */
export function useTikTokCreator(connectionId: string | undefined) {
  const key = [...useKey('tiktok-creator'), connectionId] as const;
  return useQuery({
    queryKey: key,
    enabled: !!connectionId,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/social/connections/{id}/tiktok-creator', { params: { path: { id: connectionId! } }, signal })),
  });
}
