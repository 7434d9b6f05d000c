// The five networks' read APIs for metrics, and the two publishing calls platforms.mjs lacked (Instagram's container
// and publish, Google Business Profile's localPosts), in their wire formats (src/Infrastructure/Analytics):
//   LinkedIn  GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&shares=List(urn)  totalShareStatistics
//             GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:{urn})&queryType=IMPRESSION&aggregation=TOTAL
//             (a member's post, one metric type a request), GET /rest/socialActions/{urn},
//             GET /rest/networkSizes/{urn}?edgeType=COMPANY_FOLLOWED_BY_COMPANY
//   X         GET /2/tweets/{id}?tweet.fields=public_metrics[,non_public_metrics], GET /2/users/{id}?user.fields=public_metrics
//   Graph     GET /v23.0/{id}/insights?metric=...  (Facebook's post_media_view..., Instagram's views,reach,...),
//             GET /v23.0/{id}?fields=shares,comments... | followers_count | status_code (Instagram containers)
//   Google    GET /v1/locations/{id}:fetchMultiDailyMetricsTimeSeries?dailyMetrics=...&dailyRange.startDate.year=...
// Each post's counts follow from its id (metricsFor), and GET /_fake/metrics/{id} says what they are, so a journey
// can compare the page with what the network reported.

export const followers = 4321;

/** Repeatable counts for a post id. */
export function metricsFor(id) {
  let seed = 17;
  for (const c of id) seed = (seed * 31 + c.charCodeAt(0)) % 100_000;
  return {
    impressions: 1000 + (seed % 900),
    reach: 700 + (seed % 500),
    clicks: 10 + (seed % 40),
    likes: 20 + (seed % 60),
    comments: 3 + (seed % 9),
    shares: 2 + (seed % 7),
    saves: 1 + (seed % 5),
  };
}

const graphValue = (name, m) =>
  ({
    post_media_view: m.impressions,
    views: m.impressions,
    post_total_media_view_unique: m.reach,
    reach: m.reach,
    post_clicks: m.clicks,
    post_reactions_by_type_total: { like: m.likes - Math.floor(m.likes / 4), love: Math.floor(m.likes / 4) },
    likes: m.likes,
    comments: m.comments,
    shares: m.shares,
    saved: m.saves,
    total_interactions: m.likes + m.comments + m.shares + m.saves,
  })[name] ?? 0;

function googleDaily(url) {
  const part = (name) => Number(url.searchParams.get(`dailyRange.${name}`));
  const start = Date.UTC(part('startDate.year'), part('startDate.month') - 1, part('startDate.day'));
  const end = Date.UTC(part('endDate.year'), part('endDate.month') - 1, part('endDate.day'));
  const days = [];
  for (let t = start; t <= end; t += 86_400_000) days.push(new Date(t));
  const series = url.searchParams.getAll('dailyMetrics').map((metric) => ({
    dailyMetric: metric,
    timeSeries: {
      datedValues: days.map((d) => ({
        date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
        value: String(metric.startsWith('BUSINESS_IMPRESSIONS') ? 25 : 2),
      })),
    },
  }));
  return { multiDailyMetricTimeSeries: [{ dailyMetricTimeSeries: series }] };
}

/** The answer to a metrics read or to one of the two publishing calls, or null when the request is not one of them. */
export function answerMetrics(request, url, raw, id) {
  const path = decodeURIComponent(url.pathname);
  const ok = (body) => ({ status: 200, body });
  if (request.method === 'GET' && path.startsWith('/_fake/metrics/')) return ok(metricsFor(path.slice('/_fake/metrics/'.length)));

  if (request.method === 'POST') {
    const instagram = /^\/v23\.0\/([^/]+)\/(media|media_publish)$/.exec(path);
    const form = new URLSearchParams(raw);
    if (instagram && instagram[2] === 'media') return ok({ id: `c${id()}` });
    if (instagram) {
      const postId = `ig${id()}`;
      return { ...ok({ id: postId }), record: { platform: 'instagram', id: postId, text: form.get('caption') } };
    }
    if (/^\/v4\/accounts\/[^/]+\/locations\/[^/]+\/localPosts$/.test(path)) {
      const body = JSON.parse(raw || '{}');
      const name = `${path.slice(4, -'/localPosts'.length)}/localPosts/${id()}`;
      return {
        ...ok({ name, state: 'LIVE', summary: body.summary }),
        record: { platform: 'googleBusiness', id: name, text: body.summary },
      };
    }
    return null;
  }
  if (request.method !== 'GET') return null;

  const query = (name) => url.searchParams.get(name) ?? '';
  if (path === '/rest/organizationalEntityShareStatistics') {
    const urn = /(?:shares|ugcPosts)=List\(([^)]+)\)/.exec(decodeURIComponent(url.search))?.[1] ?? '';
    const m = metricsFor(urn);
    return ok({
      paging: { count: 10, start: 0, links: [] },
      elements: [
        {
          totalShareStatistics: {
            uniqueImpressionsCount: m.reach,
            shareCount: m.shares,
            engagement: 0.05,
            clickCount: m.clicks,
            likeCount: m.likes,
            impressionCount: m.impressions,
            commentCount: m.comments,
          },
          share: urn,
          organizationalEntity: query('organizationalEntity'),
        },
      ],
    });
  }
  if (path === '/rest/memberCreatorPostAnalytics') {
    const entity = /^\((share|ugc):(urn:li:(?:share|ugcPost):[^)]+)\)$/.exec(query('entity'));
    const m = entity && metricsFor(entity[2]);
    const count =
      m &&
      { IMPRESSION: m.impressions, MEMBERS_REACHED: m.reach, REACTION: m.likes, COMMENT: m.comments, RESHARE: m.shares }[
        query('queryType')
      ];
    if (query('q') !== 'entity' || count === undefined || count === null) {
      return { status: 400, body: { status: 400, code: 'ILLEGAL_ARGUMENT', message: 'Invalid entity, finder or queryType' } };
    }
    return ok({
      paging: { start: 0, count: 10, links: [] },
      elements: [{ count, metricType: query('queryType'), targetEntity: { [entity[1]]: entity[2] } }],
    });
  }
  if (path.startsWith('/rest/socialActions/')) {
    const m = metricsFor(path.slice('/rest/socialActions/'.length));
    return ok({
      likesSummary: { totalLikes: m.likes },
      commentsSummary: { count: m.comments, aggregatedTotalComments: m.comments },
    });
  }
  if (path.startsWith('/rest/networkSizes/')) return ok({ firstDegreeSize: followers });
  if (path.startsWith('/2/tweets/')) {
    const tweet = path.slice('/2/tweets/'.length);
    const m = metricsFor(tweet);
    return ok({
      data: {
        id: tweet,
        text: 'posted',
        edit_history_tweet_ids: [tweet],
        public_metrics: {
          retweet_count: m.shares,
          reply_count: m.comments,
          like_count: m.likes,
          quote_count: 0,
          bookmark_count: m.saves,
          impression_count: m.impressions,
        },
        ...(query('tweet.fields').includes('non_public_metrics')
          ? { non_public_metrics: { impression_count: m.impressions, url_link_clicks: m.clicks, user_profile_clicks: 0 } }
          : {}),
      },
    });
  }
  if (path.startsWith('/2/users/')) {
    return ok({
      data: {
        id: path.slice('/2/users/'.length),
        name: 'Fjord',
        username: 'fjord',
        public_metrics: { followers_count: followers },
      },
    });
  }
  if (path.includes(':fetchMultiDailyMetricsTimeSeries')) return ok(googleDaily(url));
  const insights = /^\/v23\.0\/(.+)\/insights$/.exec(path);
  if (insights) {
    const m = metricsFor(insights[1]);
    return ok({
      data: query('metric')
        .split(',')
        .map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: graphValue(name, m) }],
          id: `${insights[1]}/insights/${name}/lifetime`,
        })),
    });
  }
  const object = /^\/v23\.0\/([^/]+)$/.exec(path);
  if (object) {
    const fields = query('fields');
    if (fields.includes('status_code')) return ok({ status_code: 'FINISHED', status: 'FINISHED', id: object[1] });
    if (fields.includes('followers_count')) return ok({ followers_count: followers, id: object[1] });
    const m = metricsFor(object[1]);
    return ok({ shares: { count: m.shares }, comments: { data: [], summary: { total_count: m.comments } }, id: object[1] });
  }
  return null;
}
