import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDate, formatDateTime } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { AnalyticsFilters } from './AnalyticsFilters';
import { AnalyticsSummary } from './AnalyticsSummary';
import { MonthlyReportCard } from './MonthlyReportCard';
import { NetworksTable, TopPostsTable, UnlistedPostsNote, networkName } from './AnalyticsTables';
import { downloadReport, useAnalytics, useRefreshAnalytics, type AnalyticsFilter, type AnalyticsOverview } from './api';
import { TrendChart } from './TrendChart';
import styles from './analytics.module.css';

const empty: AnalyticsFilter = { from: '', to: '', companyId: '', platform: '' };

/**
 * How published posts did: totals against the period before, impressions and engagements by day, followers, each
 * network and the top posts, from the metrics the collector reads from the networks. Exports the same numbers as CSV.
 */
export default function AnalyticsPage() {
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  // A link can open a period, a network and a brand (the strategist's citations of post results do).
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<AnalyticsFilter>(() => ({
    from: params.get('from') ?? empty.from,
    to: params.get('to') ?? empty.to,
    companyId: params.get('companyId') ?? empty.companyId,
    platform: params.get('platform') ?? empty.platform,
  }));
  const overview = useAnalytics(filter);
  const refresh = useRefreshAnalytics();
  const toast = useToast();
  const [exporting, setExporting] = useState<'csv' | 'pdf' | null>(null);

  const download = async (kind: 'csv' | 'pdf') => {
    setExporting(kind);
    try {
      await downloadReport(kind, filter);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How your published posts are doing on each network, compared with the period before."
        actions={
          <>
            {canEdit && (
              <Button
                variant="secondary"
                icon="refresh"
                loading={refresh.isPending}
                onClick={() =>
                  refresh.mutate(undefined, {
                    onSuccess: () => toast.success('Checking the networks for new numbers.'),
                    onError: (error) => toast.error(errorMessage(error)),
                  })
                }
              >
                Check for new numbers
              </Button>
            )}
            <Button variant="secondary" icon="file" loading={exporting === 'pdf'} onClick={() => void download('pdf')}>
              PDF report
            </Button>
            <Button variant="primary" icon="download" loading={exporting === 'csv'} onClick={() => void download('csv')}>
              Export CSV
            </Button>
          </>
        }
      />
      <div className="stack">
        <section className="card card__body" aria-label="Period and filters">
          {overview.data && (
            <AnalyticsFilters
              key={`${overview.data.from}-${overview.data.to}`}
              value={{ ...filter, from: filter.from || overview.data.from, to: filter.to || overview.data.to }}
              onChange={setFilter}
            />
          )}
        </section>
        <QueryState query={overview} loadingLabel="Loading analytics" rows={4}>
          {(data) => <AnalyticsBody data={data} />}
        </QueryState>
        <MonthlyReportCard />
      </div>
    </>
  );
}

function AnalyticsBody({ data }: { data: AnalyticsOverview }) {
  const daily = (pick: (day: AnalyticsOverview['days'][number]) => number) =>
    data.days.map((day) => ({ day: day.day, value: pick(day) }));
  const followerNetworks = [...new Set(data.followers.map((f) => f.platform))];
  return (
    <>
      {data.warnings.map((warning) => (
        <Alert key={warning.connectionId ?? warning.platform} tone="warning" title={warning.message}>
          <ButtonLink to="/app/automation/connections" variant="secondary" size="sm">
            {warning.action}
          </ButtonLink>
        </Alert>
      ))}
      <p className="muted">
        {formatDate(data.from)} to {formatDate(data.to)}, compared with {formatDate(data.previousFrom)} to{' '}
        {formatDate(data.previousTo)}. Times in {data.timeZone}.{' '}
        {data.lastCollectedAt
          ? `Numbers last read from the networks ${formatDateTime(data.lastCollectedAt)}.`
          : 'No numbers have been read yet.'}
      </p>
      <AnalyticsSummary current={data.current} previous={data.previous} />
      <div className={styles.pair}>
        <section className="card" aria-labelledby="analytics-reach-title">
          <div className="card__header">
            <h2 id="analytics-reach-title" className="card__title">
              Impressions and engagements by day of publishing
            </h2>
          </div>
          <div className="card__body">
            <TrendChart
              title="Impressions and engagements by day of publishing"
              unit="posts published that day"
              series={[
                { name: 'Impressions', points: daily((d) => d.impressions) },
                { name: 'Engagements', points: daily((d) => d.engagements) },
                { name: 'Clicks', points: daily((d) => d.clicks) },
              ]}
            />
          </div>
        </section>
        <section className="card" aria-labelledby="analytics-followers-title">
          <div className="card__header">
            <h2 id="analytics-followers-title" className="card__title">
              Followers
            </h2>
          </div>
          <div className="card__body">
            {followerNetworks.length === 0 ? (
              <p className="muted">Follower counts appear after the first daily reading of a connected account.</p>
            ) : (
              <TrendChart
                title="Followers"
                unit="followers at the day's reading"
                series={followerNetworks.map((platform) => ({
                  name: networkName(platform),
                  points: data.days.map((day) => ({
                    day: day.day,
                    value: data.followers.filter((f) => f.platform === platform && f.day <= day.day).at(-1)?.followers ?? 0,
                  })),
                }))}
              />
            )}
          </div>
        </section>
      </div>
      <section className="card" aria-labelledby="analytics-networks-title">
        <div className="card__header">
          <h2 id="analytics-networks-title" className="card__title">
            By network
          </h2>
        </div>
        {data.networks.length === 0 ? (
          <div className="card__body">
            <EmptyState icon="globe" title="No network is connected">
              Connect an account and publish: its numbers appear here as the networks report them.
            </EmptyState>
          </div>
        ) : (
          <NetworksTable networks={data.networks} />
        )}
      </section>
      <section className="card" aria-labelledby="analytics-top-title">
        <div className="card__header">
          <h2 id="analytics-top-title" className="card__title">
            Top posts
          </h2>
        </div>
        {data.topPosts.length === 0 ? (
          <div className="card__body">
            <p className="muted">No post with its own numbers was published in this period.</p>
            <UnlistedPostsNote networks={data.networks} />
          </div>
        ) : (
          <>
            <TopPostsTable posts={data.topPosts} />
            <div className="card__body">
              <UnlistedPostsNote networks={data.networks} />
            </div>
          </>
        )}
      </section>
    </>
  );
}
