import { formatDateTime } from '../../lib/format';
import { platformLimits, type Platform } from '../calendar/limits';
import type { AnalyticsNetwork, AnalyticsPost } from './api';
import { formatNumber, formatRate } from './AnalyticsSummary';

const networkName = (platform: string) => platformLimits[platform as Platform]?.name ?? 'Other network';

/** Each network's numbers in the period, against the period before. */
export function NetworksTable({ networks }: { networks: AnalyticsNetwork[] }) {
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">Results by network</caption>
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col">Posts</th>
          <th scope="col">Impressions</th>
          <th scope="col">Engagements</th>
          <th scope="col">Engagement rate</th>
          <th scope="col">Followers</th>
        </tr>
      </thead>
      <tbody>
        {networks.map((network) => (
          <tr key={network.platform}>
            <td>
              <strong>{network.name}</strong>
              {network.note && (
                <p className="muted">
                  {network.note}
                  {network.profileViews !== null && network.profileViews !== undefined && (
                    <>
                      {' '}
                      In this period: {formatNumber(network.profileViews)} profile views and{' '}
                      {formatNumber(network.profileActions ?? 0)} actions (website visits, calls, directions).
                    </>
                  )}
                </p>
              )}
            </td>
            <td data-label="Posts">{formatNumber(network.current.posts)}</td>
            <td data-label="Impressions">{network.hasPostMetrics ? formatNumber(network.current.impressions) : '–'}</td>
            <td data-label="Engagements">{network.hasPostMetrics ? formatNumber(network.current.engagements) : '–'}</td>
            <td data-label="Engagement rate">{formatRate(network.current.engagementRate)}</td>
            <td data-label="Followers">
              {network.current.followers === null || network.current.followers === undefined
                ? '–'
                : formatNumber(network.current.followers)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The period's best posts by engagements, each with when it went out and where. */
export function TopPostsTable({ posts }: { posts: AnalyticsPost[] }) {
  return (
    <table className="table table--stack" aria-label="Top posts">
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col">Network</th>
          <th scope="col">Impressions</th>
          <th scope="col">Engagements</th>
          <th scope="col">Clicks</th>
          <th scope="col">Engagement rate</th>
        </tr>
      </thead>
      <tbody>
        {posts.map((post) => (
          <tr key={`${post.contentItemId}-${post.platform}`}>
            <td>
              <strong>{post.title}</strong>
              <p className="muted">
                {formatDateTime(post.publishedAt)}
                {post.problem ? ` · ${post.problem}` : ''}
              </p>
            </td>
            <td data-label="Network">{networkName(post.platform)}</td>
            <td data-label="Impressions">{formatNumber(post.impressions)}</td>
            <td data-label="Engagements">{formatNumber(post.engagements)}</td>
            <td data-label="Clicks">{formatNumber(post.clicks)}</td>
            <td data-label="Engagement rate">{formatRate(post.engagementRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Why posts of some networks are missing from the top posts: those networks (Google Business Profile) report numbers
 * for the whole profile, not for each post. Nothing when no such network had posts in the period.
 */
export function UnlistedPostsNote({ networks }: { networks: AnalyticsNetwork[] }) {
  const unlisted = networks.filter((network) => !network.hasPostMetrics && network.current.posts > 0);
  if (unlisted.length === 0) return null;
  return (
    <>
      {unlisted.map((network) => (
        <p key={network.platform} className="muted">
          {formatNumber(network.current.posts)} {network.current.posts === 1 ? 'post' : 'posts'} on {network.name}{' '}
          {network.current.posts === 1 ? 'is' : 'are'} not listed here. {network.note}
        </p>
      ))}
    </>
  );
}

export { networkName };
