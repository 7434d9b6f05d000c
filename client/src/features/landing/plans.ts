import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch, apiUrl } from '../../api';

/**
 * A plan as the pricing section shows it, read from GET /api/v1/subscriptions/plans ({billingEnabled, plans: PlanDto[]}).
 * The reader stays forgiving: a plan it cannot read is left out rather than breaking the landing page.
 */
export interface Plan {
  id: string;
  name: string;
  /** Per month, in the currency's major unit (29 for $29). */
  monthlyPrice: number | null;
  currency: string;
  description: string | null;
  features: string[];
}

export const plansKey = ['subscriptions', 'plans'] as const;

/** null when the API has no plans endpoint (404): the pricing section then stays hidden. */
export async function fetchPlans(signal?: AbortSignal): Promise<Plan[] | null> {
  const response = await apiFetch(new Request(apiUrl('/api/v1/subscriptions/plans'), { signal }));
  if (response.status === 404) return null;
  if (!response.ok) throw await ApiError.fromResponse(response);
  return readPlans(await response.json());
}

export function usePlans() {
  return useQuery({
    queryKey: plansKey,
    queryFn: ({ signal }) => fetchPlans(signal),
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function amount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Accepts a list of plans or an object holding one under `plans` or `items`; drops entries without a name. */
export function readPlans(body: unknown): Plan[] {
  const list = Array.isArray(body) ? body : isObject(body) ? (body.plans ?? body.items) : null;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).flatMap((raw): Plan[] => {
    const name = text(raw.name);
    if (!name) return [];
    const cents = amount(raw.monthlyPriceCents ?? raw.priceCents);
    return [
      {
        id: text(raw.id) ?? text(raw.code) ?? name.toLowerCase(),
        name,
        monthlyPrice:
          amount(raw.monthlyPriceUsd ?? raw.monthlyPrice ?? raw.priceMonthly ?? raw.price) ??
          (cents === null ? null : cents / 100),
        currency: (text(raw.currency) ?? 'usd').toUpperCase(),
        description: text(raw.description),
        features: Array.isArray(raw.features)
          ? raw.features.filter((f): f is string => typeof f === 'string')
          : isObject(raw.limits)
            ? featuresOf(raw.limits)
            : [],
      },
    ];
  });
}

export function formatPrice(plan: Plan): string | null {
  if (plan.monthlyPrice === null) return null;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: plan.currency,
      maximumFractionDigits: Number.isInteger(plan.monthlyPrice) ? 0 : 2,
    }).format(plan.monthlyPrice);
  } catch {
    return `${plan.monthlyPrice} ${plan.currency}`;
  }
}

/** The plan's limits (PlanLimits) in the words of a pricing table. */
function featuresOf(limits: Json): string[] {
  const brands = limits.brands;
  const ai = amount(limits.monthlyAiRequests);
  return [
    typeof brands === 'number' ? `${brands} brand${brands === 1 ? '' : 's'}` : 'Unlimited brands',
    ...(ai === null ? [] : [`${ai.toLocaleString('en-US')} AI requests a month`]),
    ...(limits.automation === true ? ['Scheduled publishing and automation'] : []),
    ...(limits.advancedAi === true ? ['Advanced AI'] : []),
    ...(limits.team === true ? ['Team members and roles'] : []),
    ...(limits.prioritySupport === true ? ['Priority support'] : []),
  ];
}
