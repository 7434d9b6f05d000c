import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import { useSession } from '../auth/useSession';
import type { Platform } from './limits';
import type { ContentItem, ContentPage, ContentRequest, ContentState } from './types';

/** Posts belong to a workspace: every key carries its id, so switching workspace never shows another's calendar. */
export function useContentKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    all: ['tenant', tenantId, 'content'] as const,
    lists: ['tenant', tenantId, 'content', 'list'] as const,
    list: (filters: ContentFilters) => ['tenant', tenantId, 'content', 'list', filters] as const,
    settings: ['tenant', tenantId, 'content', 'settings'] as const,
  };
}

export interface ContentFilters {
  /** First day (YYYY-MM-DD in the workspace's time zone), inclusive; none for every post. */
  from?: string;
  /** Last day, exclusive. */
  to?: string;
  state?: ContentState;
  platform?: Platform;
}

/** While a post is about to go out or going out, the calendar asks again every few seconds to show it happen. */
export const liveRefreshMs = 3000;
const soonMs = 2 * 60_000;

export function isPublishingSoon(item: ContentItem, now = Date.now()): boolean {
  if (item.state === 'publishing') return true;
  if (item.state !== 'scheduled') return false;
  const due = item.nextAttemptAt ?? item.scheduledAt;
  return !!due && new Date(due).getTime() - now < soonMs;
}

export function useContent(filters: ContentFilters) {
  const keys = useContentKeys();
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/content', {
          params: { query: { ...filters, pageSize: 500 } },
          signal,
        }),
      ),
    refetchInterval: (query) => (query.state.data?.items.some((item) => isPublishingSoon(item)) ? liveRefreshMs : false),
  });
}

export function useContentSettings() {
  const keys = useContentKeys();
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/content/settings', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** Puts the server's answer for one post into every cached list that holds it, then refreshes them. */
function useStorePost() {
  const keys = useContentKeys();
  const queryClient = useQueryClient();
  return (item: ContentItem) => {
    queryClient.setQueriesData<ContentPage>({ queryKey: keys.lists }, (page) =>
      page ? { ...page, items: page.items.map((old) => (old.id === item.id ? item : old)) } : page,
    );
    void queryClient.invalidateQueries({ queryKey: keys.lists });
  };
}

function useContentMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<ContentItem>) {
  const store = useStorePost();
  return useMutation({ mutationFn, onSuccess: store });
}

export function useSaveContent() {
  return useContentMutation(({ id, body }: { id?: string; body: ContentRequest }) =>
    id
      ? unwrap(api.PUT('/api/v1/content/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/v1/content', { body })),
  );
}

export function useSubmitContent() {
  return useContentMutation((id: string) => unwrap(api.POST('/api/v1/content/{id}/submit', { params: { path: { id } } })));
}

export function useApproveContent() {
  return useContentMutation(({ id, comment }: { id: string; comment?: string }) =>
    unwrap(api.POST('/api/v1/content/{id}/approve', { params: { path: { id } }, body: { comment: comment || null } })),
  );
}

export function useRejectContent() {
  return useContentMutation(({ id, comment }: { id: string; comment: string }) =>
    unwrap(api.POST('/api/v1/content/{id}/reject', { params: { path: { id } }, body: { comment } })),
  );
}

/** A fresh key per user action: sending the same action again (a retry after a lost answer) publishes once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function useScheduleContent() {
  return useContentMutation(
    async ({ id, at, key, confirmBrandFindings }: { id: string; at: string; key: string; confirmBrandFindings?: boolean }) => {
      const [item] = await unwrap(
        api.POST('/api/v1/automation/schedule-content', {
          params: { header: { 'Idempotency-Key': key } },
          body: { items: [{ id, at }], confirmBrandFindings },
        }),
      );
      return item!;
    },
  );
}

/** "Add to queue": the post goes out at its brand's next free posting time on its networks. */
export function useQueueContent() {
  return useContentMutation((id: string) => unwrap(api.POST('/api/v1/content/{id}/queue', { params: { path: { id } } })));
}

export function useCancelContent() {
  return useContentMutation((id: string) =>
    unwrap(api.POST('/api/v1/automation/content/{id}/cancel', { params: { path: { id } } })),
  );
}

export function usePublishNow() {
  return useContentMutation(({ id, key }: { id: string; key: string }) =>
    unwrap(
      api.POST('/api/v1/automation/content/{id}/publish-now', {
        params: { path: { id }, header: { 'Idempotency-Key': key } },
      }),
    ),
  );
}

/** Sends again the first comments of a published post that did not get out; the post itself is never sent again. */
export function useRetryFirstComments() {
  return useContentMutation((id: string) =>
    unwrap(api.POST('/api/v1/automation/content/{id}/first-comments/retry', { params: { path: { id } } })),
  );
}

export function useDeleteContent() {
  const keys = useContentKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/content/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.setQueriesData<ContentPage>({ queryKey: keys.lists }, (page) =>
        page ? { ...page, items: page.items.filter((item) => item.id !== id) } : page,
      );
      void queryClient.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

export interface MoveRequest {
  item: ContentItem;
  /** The new wall-clock time in the workspace's time zone: `2026-10-27T09:00`. */
  at: string;
}

/**
 * Moves a post to another time. The calendar shows it there at once; when the server refuses, every list goes back
 * to what it showed before and the caller shows the server's reason. A scheduled post is rescheduled (it goes out at
 * the new time only); a draft keeps its text and state and gets the new planned time.
 */
export function useMovePost() {
  const keys = useContentKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, at }: MoveRequest) =>
      item.state === 'draft'
        ? unwrap(
            api.PUT('/api/v1/content/{id}', {
              params: { path: { id: item.id } },
              body: { companyId: item.companyId ?? null, title: item.title, variants: item.variants, at },
            }),
          )
        : unwrap(api.POST('/api/v1/automation/content/{id}/reschedule', { params: { path: { id: item.id } }, body: { at } })),
    onMutate: async ({ item, at }) => {
      await queryClient.cancelQueries({ queryKey: keys.lists });
      const before: [QueryKey, ContentPage | undefined][] = queryClient.getQueriesData<ContentPage>({ queryKey: keys.lists });
      const offset = item.scheduledLocal?.slice(19) ?? '';
      const moved: ContentItem = { ...item, scheduledLocal: `${at}:00${offset}` };
      queryClient.setQueriesData<ContentPage>({ queryKey: keys.lists }, (page) =>
        page ? { ...page, items: page.items.map((old) => (old.id === item.id ? moved : old)) } : page,
      );
      return { before };
    },
    onError: (_error, _request, context) => {
      for (const [key, data] of context?.before ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (item) => {
      queryClient.setQueriesData<ContentPage>({ queryKey: keys.lists }, (page) =>
        page ? { ...page, items: page.items.map((old) => (old.id === item.id ? item : old)) } : page,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

export function useGeneratePosts() {
  return useMutation({
    mutationFn: (body: {
      companyId: string;
      platforms: Platform[];
      topic: string;
      signatureId?: string | null;
      hashtagGroupIds?: string[] | null;
    }) => unwrap(api.POST('/api/v1/ai/generate-posts', { body: { ...body, count: 1 } })),
  });
}
