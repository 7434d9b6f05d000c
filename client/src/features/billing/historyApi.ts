import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BillingHistory, type InvoiceStatus } from '../../api';
import { displayTimeZone } from '../../lib/format';
import { useSession } from '../auth/useSession';

export function useBillingHistoryKey() {
  const tenantId = useSession()?.tenant.id;
  return ['tenant', tenantId, 'billing-history'] as const;
}

/** How often the open billing page asks our API (never Stripe) for invoices that Stripe's events brought in. */
export const historyPollMs = 15_000;

/**
 * The invoices, card and next invoice, from the API's cache of Stripe's events: a new invoice appears within
 * `historyPollMs` (or on returning to the tab) without reloading the page and without a call to Stripe.
 */
export function useBillingHistory({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: useBillingHistoryKey(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/subscriptions/invoices', { signal })),
    enabled,
    refetchInterval: historyPollMs,
    refetchOnWindowFocus: true,
  });
}

/** Reads everything from Stripe now; the answer replaces the cached history. */
export function useRefreshBillingHistory() {
  const queryClient = useQueryClient();
  const key = useBillingHistoryKey();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/subscriptions/invoices/refresh')),
    onSuccess: (history: BillingHistory) => queryClient.setQueryData(key, history),
  });
}

export const invoiceStatusWords: Record<InvoiceStatus, { label: string; tone: 'success' | 'warning' | 'danger' | 'neutral' }> = {
  paid: { label: 'Paid', tone: 'success' },
  open: { label: 'Awaiting payment', tone: 'warning' },
  draft: { label: 'Being prepared', tone: 'neutral' },
  void: { label: 'Cancelled', tone: 'neutral' },
  uncollectible: { label: 'Not collected', tone: 'danger' },
};

/** An amount in its currency, written the reader's way (locale from the browser): "$79.00", "79,00 €", "¥1,200". */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // A code this browser does not know still reads as money.
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/** A day in words, in the workspace's time zone: "December 1, 2026". */
export function formatLongDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: displayTimeZone() }).format(new Date(iso));
}
