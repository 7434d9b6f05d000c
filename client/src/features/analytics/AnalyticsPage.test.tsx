import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import AnalyticsPage from './AnalyticsPage';

const totals = (impressions: number, engagements: number, posts: number) => ({
  posts,
  impressions,
  reach: Math.round(impressions * 0.7),
  engagements,
  clicks: 12,
  engagementRate: impressions ? Math.round((10000 * engagements) / impressions) / 100 : null,
  followers: 4321,
  followersChange: 21,
});

const overview = {
  from: '2026-10-01',
  to: '2026-10-28',
  previousFrom: '2026-09-03',
  previousTo: '2026-09-30',
  timeZone: 'Europe/Berlin',
  current: totals(3400, 170, 3),
  previous: totals(1700, 170, 2),
  networks: [
    {
      platform: 'linkedIn',
      name: 'LinkedIn',
      hasPostMetrics: true,
      current: totals(3400, 170, 3),
      previous: totals(1700, 170, 2),
      profileViews: null,
      profileActions: null,
      note: null,
    },
    {
      platform: 'googleBusiness',
      name: 'Google Business Profile',
      hasPostMetrics: false,
      current: totals(0, 0, 1),
      previous: totals(0, 0, 0),
      profileViews: 700,
      profileActions: 42,
      note: 'Google Business Profile reports views and actions for the whole profile, not per post.',
    },
  ],
  days: [
    { day: '2026-10-01', posts: 1, impressions: 1200, engagements: 60, clicks: 4 },
    { day: '2026-10-02', posts: 2, impressions: 2200, engagements: 110, clicks: 8 },
  ],
  followers: [{ day: '2026-10-02', platform: 'linkedIn', followers: 4321 }],
  topPosts: [
    {
      contentItemId: 'a1',
      title: 'Harvest blend',
      platform: 'linkedIn',
      publishedAt: '2026-10-02T07:00:00Z',
      impressions: 2200,
      reach: 1500,
      engagements: 110,
      clicks: 8,
      engagementRate: 5,
      lastCollectedAt: '2026-10-02T10:00:00Z',
      problem: null,
    },
  ],
  warnings: [],
  lastCollectedAt: '2026-10-02T10:00:00Z',
};

describe('AnalyticsPage', () => {
  it('shows the totals against the period before, the top posts and what Google Business Profile reports instead', async () => {
    sessionStore.set(authResponse({ role: 'viewer' }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        if (path === '/api/v1/analytics') return json(overview);
        if (path === '/api/v1/companies') return json([]);
        return json({}, 404);
      }),
    );

    renderPage(<AnalyticsPage />);

    const totalsList = await screen.findByLabelText('Totals');
    expect(within(totalsList).getByText('3,400')).toBeInTheDocument();
    expect(within(totalsList).getByText('+100% on the previous period')).toBeInTheDocument();
    const top = screen.getByRole('table', { name: 'Top posts' });
    expect(within(top).getByText('Harvest blend')).toBeInTheDocument();
    expect(within(top).getByText('2,200')).toBeInTheDocument();
    // Its posts have no numbers of their own: not among the top posts, and the page says why (under the table too).
    expect(within(top).queryByText('Google Business Profile')).not.toBeInTheDocument();
    expect(screen.getByText(/1 post on Google Business Profile is not listed here\./)).toBeInTheDocument();
    expect(screen.getAllByText(/reports views and actions for the whole profile, not per post/)).toHaveLength(2);
    expect(screen.getByText(/700 profile views/)).toBeInTheDocument();
    // Viewers read the numbers; checking the networks again is for editors.
    expect(screen.queryByRole('button', { name: 'Check for new numbers' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });
});
