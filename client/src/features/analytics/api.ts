import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiFetch, apiUrl, ApiError, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

export type AnalyticsOverview = components['schemas']['AnalyticsOverviewDto'];
export type AnalyticsTotals = components['schemas']['AnalyticsTotalsDto'];
export type AnalyticsNetwork = components['schemas']['AnalyticsNetworkDto'];
export type AnalyticsDay = components['schemas']['AnalyticsDayDto'];
export type AnalyticsPost = components['schemas']['AnalyticsPostDto'];
export type BestPostingTimes = components['schemas']['BestPostingTimesDto'];

/** What the page shows: dates as 2026-10-24 (empty: the last 28 days), a brand and a network (empty: all). */
export interface AnalyticsFilter {
  from: string;
  to: string;
  companyId: string;
  platform: string;
}

function query(filter: AnalyticsFilter) {
  return {
    from: filter.from || undefined,
    to: filter.to || undefined,
    companyId: filter.companyId || undefined,
    platform: filter.platform || undefined,
  };
}

function useKeys() {
  return ['tenant', useSession()?.tenant.id, 'analytics'] as const;
}

export function useAnalytics(filter: AnalyticsFilter) {
  const keys = useKeys();
  return useQuery({
    queryKey: [...keys, 'overview', filter] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/analytics', { params: { query: query(filter) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useBestTimes(companyId: string, platform: string, enabled = true) {
  const keys = useKeys();
  return useQuery({
    queryKey: [...keys, 'best-times', companyId, platform] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/analytics/best-times', {
          params: { query: { companyId: companyId || undefined, platform: platform || undefined } },
          signal,
        }),
      ),
    enabled,
  });
}

/** Starts a collection round now; the page reads again a few seconds later, when the networks have answered. */
export function useRefreshAnalytics() {
  const client = useQueryClient();
  const keys = useKeys();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/analytics/refresh')),
    onSuccess: () => {
      setTimeout(() => void client.invalidateQueries({ queryKey: keys }), 3000);
    },
  });
}

/**
 * Saves the filtered page as CSV or as a PDF report: fetched with the session (a plain link would carry no token), then
 * handed to the browser.
 */
export async function downloadReport(kind: 'csv' | 'pdf', filter: AnalyticsFilter): Promise<void> {
  const params = new URLSearchParams(Object.entries(query(filter)).filter((entry): entry is [string, string] => !!entry[1]));
  const path = kind === 'csv' ? '/api/v1/analytics/export.csv' : '/api/v1/analytics/report.pdf';
  const response = await apiFetch(new Request(apiUrl(`${path}?${params}`)));
  if (!response.ok) throw await ApiError.fromResponse(response);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `analytics.${kind}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export type MonthlyReportSetting = components['schemas']['MonthlyReportSettingDto'];

/** Whether the admins get the monthly report by e-mail, and when the next one goes out. */
export function useMonthlyReportSetting() {
  const keys = useKeys();
  return useQuery({
    queryKey: [...keys, 'monthly-report'] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/analytics/monthly-report', { signal })),
  });
}

export function useSetMonthlyReport() {
  const keys = useKeys();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => unwrap(api.PUT('/api/v1/analytics/monthly-report', { body: { enabled } })),
    onSuccess: (data) => client.setQueryData([...keys, 'monthly-report'], data),
  });
}
