import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

type Schemas = components['schemas'];
export type Snippet = Schemas['SnippetDto'];
export type SnippetKind = Schemas['SnippetKind'];

export const snippetKindLabels: Record<SnippetKind, string> = {
  hashtagGroup: 'Hashtag group',
  signature: 'Signature',
  template: 'Post template',
};

/** Snippets belong to a workspace's brand: the key carries both, so another workspace's list is never shown. */
function useSnippetKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    all: ['tenant', tenantId, 'snippets'] as const,
    brand: (companyId: string) => ['tenant', tenantId, 'snippets', companyId] as const,
  };
}

/** A brand's hashtag groups, signatures and templates (nothing is asked without a brand). */
export function useSnippets(companyId: string | undefined) {
  const keys = useSnippetKeys();
  return useQuery({
    queryKey: keys.brand(companyId ?? ''),
    enabled: !!companyId,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/snippets', { params: { query: { companyId: companyId ?? '' } }, signal })),
  });
}

function useInvalidateSnippets() {
  const queryClient = useQueryClient();
  const keys = useSnippetKeys();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useCreateSnippet() {
  const invalidate = useInvalidateSnippets();
  return useMutation({
    mutationFn: (body: { companyId: string; kind: SnippetKind; name: string; body: string }) =>
      unwrap(api.POST('/api/v1/snippets', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateSnippet() {
  const invalidate = useInvalidateSnippets();
  return useMutation({
    mutationFn: ({ id, name, body }: { id: string; name: string; body: string }) =>
      unwrap(api.PUT('/api/v1/snippets/{id}', { params: { path: { id } }, body: { name, body } })),
    onSuccess: invalidate,
  });
}

export function useDeleteSnippet() {
  const invalidate = useInvalidateSnippets();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/snippets/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
