import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

type Schemas = components['schemas'];
export type BrandRule = Schemas['BrandRuleDto'];
export type RuleKind = BrandRule['kind'];
export type Severity = Schemas['FindingSeverity'];

function useKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    rules: ['tenant', tenantId, 'brand-guard', 'rules'] as const,
    settings: ['tenant', tenantId, 'brand-guard', 'settings'] as const,
  };
}

export function useBrandRules() {
  const keys = useKeys();
  return useQuery({
    queryKey: keys.rules,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/brand-guard/rules', { signal })),
  });
}

function useInvalidateGuard() {
  const queryClient = useQueryClient();
  const tenantId = useSession()?.tenant.id;
  return () => queryClient.invalidateQueries({ queryKey: ['tenant', tenantId, 'brand-guard'] });
}

export function useAddRule() {
  const invalidate = useInvalidateGuard();
  return useMutation({
    mutationFn: (body: { kind: RuleKind; term: string; suggestion?: string | null; companyId?: string | null }) =>
      unwrap(api.POST('/api/v1/brand-guard/rules', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateRule() {
  const invalidate = useInvalidateGuard();
  return useMutation({
    mutationFn: (rule: BrandRule) =>
      unwrap(
        api.PUT('/api/v1/brand-guard/rules/{id}', {
          params: { path: { id: rule.id } },
          body: { term: rule.term, suggestion: rule.suggestion, limit: rule.limit, enabled: rule.enabled },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useGuardSettings() {
  const keys = useKeys();
  return useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/brand-guard/settings', { signal })),
  });
}

export function useUpdateGuardSettings() {
  const invalidate = useInvalidateGuard();
  return useMutation({
    mutationFn: (blockingSeverities: Severity[]) =>
      unwrap(api.PUT('/api/v1/brand-guard/settings', { body: { blockingSeverities } })),
    onSuccess: invalidate,
  });
}

export const ruleKindLabels: Record<RuleKind, string> = {
  bannedWord: 'Words to avoid',
  name: 'Names as spelt',
  hashtag: 'Hashtags on every post',
  hashtagLimit: 'Hashtag limits',
  tone: 'Tone of voice',
};
