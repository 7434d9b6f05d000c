import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type PostLinks = components['schemas']['PostLinksDto'];
export type ShortLink = components['schemas']['ShortLinkDto'];

function useLinkKeys() {
  const tenantId = useSession()?.tenant.id;
  return { post: (id: string) => ['tenant', tenantId, 'content', 'links', id] as const };
}

/** A post's short links with their clicks, and whether its links are shortened (nothing is asked for a new post). */
export function usePostLinks(id: string | undefined, { live = false }: { live?: boolean } = {}) {
  const keys = useLinkKeys();
  return useQuery({
    queryKey: keys.post(id ?? ''),
    enabled: !!id,
    refetchInterval: live ? 15_000 : false,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/content/{id}/links', { params: { path: { id: id ?? '' } }, signal })),
  });
}

export function useUpdatePostLinks() {
  const keys = useLinkKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, shortenLinks, campaign }: { id: string; shortenLinks: boolean; campaign: string | null }) =>
      unwrap(api.PUT('/api/v1/content/{id}/links', { params: { path: { id } }, body: { shortenLinks, campaign } })),
    onSuccess: (links) => queryClient.setQueryData(keys.post(links.contentItemId), links),
  });
}
