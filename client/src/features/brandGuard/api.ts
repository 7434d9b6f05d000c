import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, isApiError, unwrap } from '../../api';
import { useSession } from '../auth/useSession';
import type { components } from '../../api/schema.gen';

type Schemas = components['schemas'];
export type BrandCheck = Schemas['BrandCheckDto'];
export type VariantCheck = Schemas['VariantCheckDto'];
export type Finding = Schemas['FindingDto'];
export type FindingFix = Schemas['FindingFixDto'];
export type CheckVariant = Schemas['CheckVariantDto'];

/** How long the composer waits after the last keystroke before it checks. */
export const checkDelayMs = 400;

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The live check of the composer: debounced, the last result kept on screen while the next one runs. It is the offline
 * check (rules and documents, answered at once); the AI review is asked for on purpose (`useAiReview`).
 */
export function useBrandCheck(variants: CheckVariant[], companyId?: string, delayMs = checkDelayMs) {
  const tenantId = useSession()?.tenant.id;
  const settled = useDebounced(
    variants.filter((variant) => variant.text.trim().length > 0),
    delayMs,
  );
  const brand = companyId || undefined;
  return useQuery({
    queryKey: ['tenant', tenantId, 'brand-guard', 'check', brand ?? null, settled],
    queryFn: ({ signal }) =>
      unwrap(api.POST('/api/v1/brand-guard/check', { body: { variants: settled, tone: true, companyId: brand }, signal })),
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** "Check with AI": the configured AI model reviews the findings of the texts as they are now (one AI request, cached by the server). */
export function useAiReview() {
  return useMutation({
    mutationFn: ({ variants, companyId }: { variants: CheckVariant[]; companyId?: string }) =>
      unwrap(
        api.POST('/api/v1/brand-guard/check', {
          body: {
            variants: variants.filter((variant) => variant.text.trim().length > 0),
            tone: true,
            companyId: companyId || undefined,
            useAi: true,
          },
        }),
      ),
  });
}

/** Whether an AI model is connected (otherwise every check is the offline one), and whether that is known yet. */
export function useAiConnected() {
  const tenantId = useSession()?.tenant.id;
  const usage = useQuery({
    queryKey: ['tenant', tenantId, 'ai', 'usage'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ai/usage', { signal })),
    staleTime: 300_000,
  });
  return { connected: usage.data ? !usage.data.offline : false, known: usage.isFetched };
}

/** The check of a saved post as it stands, for the approvals page: reviewed by the AI model when one is connected. */
export function useContentCheck(id: string) {
  const tenantId = useSession()?.tenant.id;
  const ai = useAiConnected();
  const useAi = ai.connected;
  return useQuery({
    queryKey: ['tenant', tenantId, 'brand-guard', 'content', id, useAi],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/brand-guard/content/{id}', { params: { path: { id }, query: { useAi } }, signal })),
    enabled: ai.known,
    staleTime: 60_000,
  });
}

/**
 * The text with the fix applied. The check may be a keystroke or a fix behind the text: the fix goes where its words
 * (`excerpt`) are now, and a hashtag to add goes at the end; a fix whose words are gone changes nothing.
 */
export function applyFix(text: string, fix: FindingFix, excerpt = ''): string {
  if (!excerpt) {
    const end = text.trimEnd().length;
    return text.slice(0, end) + fix.replacement;
  }
  let start = fix.start;
  if (text.slice(start, start + fix.length) !== excerpt) {
    start = text.indexOf(excerpt);
    if (start < 0) return text;
  }
  return text.slice(0, start) + fix.replacement + text.slice(start + excerpt.length);
}

/** True when scheduling was refused because the brand check found something the workspace blocks on. */
export function isBrandGuardBlock(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.problem.blockedBy === 'brandGuard';
}
