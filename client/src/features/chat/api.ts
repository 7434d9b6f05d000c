import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type ChatSession = components['schemas']['ChatSessionDto'];
export type ChatMessage = components['schemas']['ChatMessageDto'];

/** The provider name the API gives answers that no model wrote (AiProviderInfo.OfflineName). */
export const offlineProvider = 'offline';

export function useChatKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    sessions: ['tenant', tenantId, 'chat', 'sessions'] as const,
    messages: (sessionId: string) => ['tenant', tenantId, 'chat', 'messages', sessionId] as const,
  };
}

export function useChatSessions() {
  const keys = useChatKeys();
  return useQuery({
    queryKey: keys.sessions,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ai/sessions', { signal })),
  });
}

export function useChatMessages(sessionId: string | null) {
  const keys = useChatKeys();
  return useQuery({
    queryKey: keys.messages(sessionId ?? 'none'),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/ai/sessions/{id}/messages', { params: { path: { id: sessionId! } }, signal })),
    enabled: sessionId !== null,
  });
}

export function useRenameSession() {
  const keys = useChatKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      unwrap(api.PATCH('/api/v1/ai/sessions/{id}', { params: { path: { id } }, body: { title } })),
    onSuccess: (session) => {
      queryClient.setQueryData<ChatSession[]>(keys.sessions, (all) =>
        all?.map((item) => (item.id === session.id ? session : item)),
      );
    },
  });
}

export function useDeleteSession() {
  const keys = useChatKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/ai/sessions/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.setQueryData<ChatSession[]>(keys.sessions, (all) => all?.filter((item) => item.id !== id));
      queryClient.removeQueries({ queryKey: keys.messages(id) });
      void queryClient.invalidateQueries({ queryKey: keys.sessions });
    },
  });
}
