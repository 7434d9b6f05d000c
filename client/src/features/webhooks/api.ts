import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type WebhookEndpoint = components['schemas']['WebhookEndpointDto'];
export type WebhookEndpoints = components['schemas']['WebhookEndpointsDto'];
export type WebhookWithSecret = components['schemas']['WebhookEndpointWithSecretDto'];
export type WebhookAttempt = components['schemas']['WebhookAttemptDto'];
export type WebhookEventType = components['schemas']['WebhookEventTypeDto'];

function useWebhooksKey() {
  return ['tenant', useSession()?.tenant.id, 'webhooks'] as const;
}

/** Refreshed every 15 seconds: an endpoint's health (last delivery, failing, turned off) changes as the job sends. */
export function useWebhooks() {
  const key = useWebhooksKey();
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/webhooks', { signal })),
    refetchInterval: 15_000,
  });
}

/** The delivery log refreshes every few seconds while open: the job sends within seconds of an event or a click. */
export function useWebhookAttempts(endpointId: string) {
  const key = useWebhooksKey();
  return useQuery({
    queryKey: [...key, endpointId, 'attempts'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/webhooks/{id}/attempts', { params: { path: { id: endpointId }, query: { limit: 50 } }, signal })),
    refetchInterval: 5000,
  });
}

function useReplaceEndpoint() {
  const key = useWebhooksKey();
  const queryClient = useQueryClient();
  return (endpoint: WebhookEndpoint) =>
    queryClient.setQueryData<WebhookEndpoints>(key, (data) =>
      data ? { ...data, endpoints: data.endpoints.map((e) => (e.id === endpoint.id ? endpoint : e)) } : data,
    );
}

/** The answer carries the secret: it stays with the caller (shown once), never in the query cache. */
export function useCreateWebhook() {
  const key = useWebhooksKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; description: string | null; events: string[] }) =>
      unwrap(api.POST('/api/v1/webhooks', { body })),
    onSuccess: (created) =>
      queryClient.setQueryData<WebhookEndpoints>(key, (data) =>
        data ? { ...data, endpoints: [...data.endpoints, created.endpoint] } : data,
      ),
  });
}

export function useUpdateWebhook() {
  const replace = useReplaceEndpoint();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; url: string; description: string | null; events: string[]; enabled: boolean }) =>
      unwrap(api.PUT('/api/v1/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: replace,
  });
}

export function useRotateWebhookSecret() {
  const replace = useReplaceEndpoint();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/webhooks/{id}/secret', { params: { path: { id } } })),
    onSuccess: (rotated) => replace(rotated.endpoint),
  });
}

export function useDeleteWebhook() {
  const key = useWebhooksKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }));
      return id;
    },
    onSuccess: (id) =>
      queryClient.setQueryData<WebhookEndpoints>(key, (data) =>
        data ? { ...data, endpoints: data.endpoints.filter((e) => e.id !== id) } : data,
      ),
  });
}

export function useSendTestWebhook() {
  const key = useWebhooksKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess: (_, id) => queryClient.invalidateQueries({ queryKey: [...key, id, 'attempts'] }),
  });
}

export function useRedeliverWebhook(endpointId: string) {
  const key = useWebhooksKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id: endpointId, deliveryId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, endpointId, 'attempts'] }),
  });
}
