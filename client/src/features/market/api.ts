import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type MarketAnalysis = components['schemas']['MarketAnalysisDto'];
export type MarketFinding = components['schemas']['MarketFindingDto'];

function useKey(companyId: string) {
  return ['tenant', useSession()?.tenant.id, 'market-analyses', companyId] as const;
}

export function useMarketAnalyses(companyId: string) {
  const key = useKey(companyId);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ai/market-analyses', { params: { query: { companyId } }, signal })),
  });
}

/** A new analysis goes to the top of the history. */
export function useAnalyzeMarket(companyId: string) {
  const queryClient = useQueryClient();
  const key = useKey(companyId);
  return useMutation({
    mutationFn: (focus: string) =>
      unwrap(api.POST('/api/v1/ai/analyze-market', { body: { companyId, focus: focus.trim() || null } })),
    onSuccess: (made) => queryClient.setQueryData<MarketAnalysis[]>(key, (list) => [made, ...(list ?? [])]),
  });
}
