import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type OnboardingCompanyRequest, type OnboardingProgress } from '../../api';
import { useSession } from '../auth/useSession';

function useOnboardingKey() {
  const tenantId = useSession()?.tenant.id;
  return ['tenant', tenantId, 'onboarding'] as const;
}

/** Where the wizard stands, with the company as filled in so far. */
export function useOnboardingProgress() {
  return useQuery({
    queryKey: useOnboardingKey(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/onboarding/progress', { signal })),
  });
}

/**
 * Saves one step. The first save of step 1 creates the company (POST); every later save updates it (PUT). The
 * answer is the new progress; the company is a brand too, so the brand list and the plan's usage change with it.
 */
export function useSaveOnboardingStep() {
  const key = useOnboardingKey();
  const tenantId = useSession()?.tenant.id;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, create }: { body: OnboardingCompanyRequest; create: boolean }) =>
      unwrap(create ? api.POST('/api/v1/onboarding/company', { body }) : api.PUT('/api/v1/onboarding/company', { body })),
    onSuccess: (progress) => {
      queryClient.setQueryData<OnboardingProgress>(key, progress);
      void queryClient.invalidateQueries({ queryKey: ['tenant', tenantId, 'brands'] });
      void queryClient.invalidateQueries({ queryKey: ['tenant', tenantId, 'subscription'] });
    },
  });
}

/** Remembers the step the user is on, so that leaving and coming back resumes there. */
export function useMoveOnboardingStep() {
  const key = useOnboardingKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (currentStep: number) => unwrap(api.PUT('/api/v1/onboarding/progress', { body: { currentStep } })),
    onSuccess: (progress) => queryClient.setQueryData<OnboardingProgress>(key, progress),
  });
}
