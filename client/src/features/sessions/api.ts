import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type SessionInfo } from '../../api';
import { useSession } from '../auth/useSession';

function useSessionsKey() {
  return ['user', useSession()?.user.id, 'sessions'] as const;
}

export function useSessions() {
  const key = useSessionsKey();
  return useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/sessions', { signal })) });
}

export function useRevokeSession() {
  const key = useSessionsKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => queryClient.setQueryData<SessionInfo[]>(key, (list) => list?.filter((s) => s.id !== id)),
  });
}
