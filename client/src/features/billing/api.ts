import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type PlanLimits } from '../../api';
import { useSession } from '../auth/useSession';

export function useSubscriptionKey() {
  const tenantId = useSession()?.tenant.id;
  return ['tenant', tenantId, 'subscription'] as const;
}

/**
 * The workspace's plan, status, limits and usage. `awaitingCheckout`: back from Checkout, the webhook that changes
 * the plan may arrive a moment later, so the status is asked again every two seconds (for half a minute at most)
 * until the plan is active.
 */
export function useSubscriptionStatus({ awaitingCheckout = false }: { awaitingCheckout?: boolean } = {}) {
  return useQuery({
    queryKey: useSubscriptionKey(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/subscriptions/status', { signal })),
    refetchInterval: (query) =>
      awaitingCheckout && query.state.data?.access !== 'subscribed' && query.state.dataUpdateCount < 15 ? 2000 : false,
  });
}

/** The plans on offer (public). */
export function usePlanList() {
  return useQuery({
    queryKey: ['subscriptions', 'plan-list'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/subscriptions/plans', { signal })),
    staleTime: 10 * 60_000,
  });
}

/**
 * Opens Stripe Checkout for a plan. The Idempotency-Key is the caller's, one per plan for as long as the page is
 * open: a double click or a retry after a lost answer gets the same Checkout session, never a second one.
 */
export function useCheckout() {
  return useMutation({
    mutationFn: ({ plan, idempotencyKey }: { plan: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/subscriptions/create-session', {
          body: { plan },
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
  });
}

/** Opens Stripe's billing portal (plan changes, payment method, invoices, cancellation). */
export function usePortal() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/subscriptions/portal')),
  });
}

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const number = new Intl.NumberFormat('en-US');

/** A plan's limits in words, for the plan cards. */
export function limitLines(limits: PlanLimits): string[] {
  return [
    limits.brands == null ? 'Unlimited brands' : `${number.format(limits.brands)} brand${limits.brands === 1 ? '' : 's'}`,
    `${number.format(limits.monthlyAiRequests)} AI requests a month`,
    ...(limits.automation ? ['Scheduled publishing and automation'] : []),
    ...(limits.advancedAi ? ['Advanced AI'] : []),
    ...(limits.team ? ['Team members and roles'] : []),
    ...(limits.prioritySupport ? ['Priority support'] : []),
  ];
}

export function formatUsd(amount: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
