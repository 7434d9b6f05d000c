import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

type Schemas = components['schemas'];
export type Feed = Schemas['FeedDto'];
export type NewFeed = Schemas['FeedRequest'];

function useFeedsKey() {
  return ['tenant', useSession()?.tenant.id, 'feeds'] as const;
}

export function useFeeds() {
  const key = useFeedsKey();
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/feeds', { signal })) });
}

export function useAddFeed() {
  const key = useFeedsKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewFeed) => unwrap(api.POST('/api/v1/feeds', { body })),
    onSuccess: (feed) => queryClient.setQueryData<Feed[]>(key, (list) => [...(list ?? []), feed]),
  });
}

export function useCheckFeed() {
  const key = useFeedsKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/feeds/{id}/check', { params: { path: { id } } })),
    onSuccess: (feed) => queryClient.setQueryData<Feed[]>(key, (list) => list?.map((f) => (f.id === feed.id ? feed : f))),
  });
}

export function useDeleteFeed() {
  const key = useFeedsKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/feeds/{id}', { params: { path: { id } } })).then(() => id),
    onSuccess: (id) => queryClient.setQueryData<Feed[]>(key, (list) => list?.filter((f) => f.id !== id)),
  });
}
