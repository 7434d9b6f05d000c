import type { AnalyticsTotals } from './api';
import styles from './analytics.module.css';

export const formatNumber = (value: number) => value.toLocaleString('en-GB');

export const formatRate = (rate: number | null | undefined) =>
  rate === null || rate === undefined
    ? '–'
    : `${rate.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

/** "+12% on the previous period", or nothing to compare with. */
function change(current: number, previous: number) {
  if (previous === 0) return current === 0 ? 'no change on the previous period' : 'nothing in the previous period';
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return 'no change on the previous period';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)}% on the previous period`;
}

interface StatProps {
  label: string;
  value: string;
  note: string;
  trend?: 'up' | 'down';
}

function Stat({ label, value, note, trend }: StatProps) {
  return (
    <div className={`card ${styles.stat}`}>
      <dt className={styles.statLabel}>{label}</dt>
      <dd className={styles.statValue}>{value}</dd>
      <dd className={styles.statNote} data-trend={trend}>
        {note}
      </dd>
    </div>
  );
}

const trendOf = (current: number, previous: number) => (current > previous ? 'up' : current < previous ? 'down' : undefined);

/** The period's totals, each with its change on the period before. */
export function AnalyticsSummary({ current, previous }: { current: AnalyticsTotals; previous: AnalyticsTotals }) {
  const rate = current.engagementRate ?? null;
  const previousRate = previous.engagementRate ?? null;
  return (
    <section aria-label="Totals">
      <dl className={styles.stats}>
        <Stat
          label="Posts published"
          value={formatNumber(current.posts)}
          note={change(current.posts, previous.posts)}
          trend={trendOf(current.posts, previous.posts)}
        />
        <Stat
          label="Impressions"
          value={formatNumber(current.impressions)}
          note={change(current.impressions, previous.impressions)}
          trend={trendOf(current.impressions, previous.impressions)}
        />
        <Stat
          label="Engagements"
          value={formatNumber(current.engagements)}
          note={change(current.engagements, previous.engagements)}
          trend={trendOf(current.engagements, previous.engagements)}
        />
        <Stat
          label="Clicks"
          value={formatNumber(current.clicks)}
          note={change(current.clicks, previous.clicks)}
          trend={trendOf(current.clicks, previous.clicks)}
        />
        <Stat
          label="Engagement rate"
          value={formatRate(rate)}
          note={previousRate === null ? 'nothing to compare with' : `${formatRate(previousRate)} in the previous period`}
          trend={rate !== null && previousRate !== null ? trendOf(rate, previousRate) : undefined}
        />
        <Stat
          label="Followers"
          value={current.followers === null || current.followers === undefined ? '–' : formatNumber(current.followers)}
          note={
            current.followersChange === null || current.followersChange === undefined
              ? 'not read yet'
              : `${current.followersChange >= 0 ? '+' : '−'}${formatNumber(Math.abs(current.followersChange))} in the period`
          }
        />
      </dl>
    </section>
  );
}
