import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type ApiKey = components['schemas']['ApiKeyDto'];
export type CreatedApiKey = components['schemas']['CreatedApiKeyDto'];
export type ApiScope = components['schemas']['ApiScope'];
export type NewApiKey = components['schemas']['CreateApiKeyRequest'];

function useApiKeysKey() {
  return ['tenant', useSession()?.tenant.id, 'api-keys'] as const;
}

export function useApiKeys() {
  const key = useApiKeysKey();
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/api-keys', { signal })) });
}

/** The answer carries the secret: it stays with the caller (shown once), never in the query cache. */
export function useCreateApiKey() {
  const key = useApiKeysKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiKey) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: (created) => queryClient.setQueryData<ApiKey[]>(key, (list) => [created.key, ...(list ?? [])]),
  });
}

export function useRevokeApiKey() {
  const key = useApiKeysKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: (revoked) =>
      queryClient.setQueryData<ApiKey[]>(key, (list) => list?.map((k) => (k.id === revoked.id ? revoked : k))),
  });
}
