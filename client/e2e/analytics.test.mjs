// Analytics: posts go out on the five faked networks (e2e/fakes/platforms.mjs and metrics.mjs), the collector reads
// what each network reports through its own read API, and the Analytics page and its CSV show those numbers. The
// browser's clock is then moved on a day, as a marketer coming back tomorrow, and the page still agrees with the CSV.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { png } from './media.mjs';
import {
  baseUrl,
  callApi,
  checkPage,
  heading,
  launchBrowser,
  mobile,
  newUser,
  pinnedClock,
  signUp,
  uniqueEmail,
} from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Astrid Analyst', email: uniqueEmail('astrid'), company: 'Fjord Roastery' };
const accounts = {
  linkedIn: 'urn:li:organization:6161',
  x: '1700000000',
  facebook: '1010101010',
  instagram: '17841400000000000',
  googleBusiness: 'accounts/111/locations/222',
};
const names = {
  linkedIn: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  googleBusiness: 'Google Business Profile',
};

let browser;
let astrid;
const published = {};

async function uploadImage(page) {
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
  const response = await page.request.post(`${baseUrl}/api/v1/onboarding/assets/upload`, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
    multipart: { files: { name: 'beans.png', mimeType: 'image/png', buffer: png(1080, 1080) } },
  });
  assert.equal(response.status(), 201, await response.text());
  const [asset] = await response.json();
  for (let i = 0; i < 120; i++) {
    const current = await callApi(page, 'GET', `/api/v1/assets/${asset.id}`);
    if (current.state === 'ready') return current.id;
    await page.waitForTimeout(500);
  }
  throw new Error('The image was not processed in time');
}

/** Reads the CSV the page's "Export CSV" button saves, as rows of cells (RFC 4180). */
function parseCsv(text) {
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const cells = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted && c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = !quoted;
        else if (c === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else cell += c;
      }
      cells.push(cell);
      return cells;
    });
}

const grouped = (n) => n.toLocaleString('en-GB');

describe('analytics', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    astrid = await newUser(browser);
    const { page } = astrid;
    await signUp(page, owner);
    for (const [platform, externalAccountId] of Object.entries(accounts)) {
      await callApi(page, 'POST', '/api/v1/social/connections', {
        platform,
        externalAccountId,
        displayName: `${owner.company} on ${names[platform]}`,
        accessToken: `e2e-${platform}-token`,
      });
    }
    const image = await uploadImage(page);
    for (const platform of Object.keys(accounts)) {
      const post = await callApi(page, 'POST', '/api/v1/content', {
        title: `Harvest blend on ${names[platform]}`,
        variants: [
          { platform, text: `Our harvest blend is back (${platform}).`, mediaAssetIds: platform === 'instagram' ? [image] : [] },
        ],
      });
      await callApi(page, 'POST', `/api/v1/automation/content/${post.id}/publish-now`);
      published[platform] = post.id;
    }
    for (const [platform, id] of Object.entries(published)) {
      for (let i = 0; ; i++) {
        const post = await callApi(page, 'GET', `/api/v1/content/${id}`);
        if (post.state === 'published') {
          published[platform] = { id, postId: post.results.at(-1).platformPostId };
          break;
        }
        assert.ok(i < 180 && post.state !== 'failed', `${platform}: ${post.state} ${post.lastError ?? ''}`);
        await page.waitForTimeout(500);
      }
    }
  });

  after(async () => {
    await browser?.close();
  });

  test('the page shows what each network reported, Google Business Profile says it has no per-post numbers, and the CSV has the same', async () => {
    const { page } = astrid;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await heading(page, 'Analytics');
    await page.getByRole('button', { name: 'Check for new numbers' }).click();
    for (let i = 0; ; i++) {
      const overview = await callApi(page, 'GET', '/api/v1/analytics');
      // Five posts; Google Business Profile's has no numbers of its own (its network reports the profile's instead).
      const read = overview.topPosts.filter((p) => p.lastCollectedAt !== null);
      if (read.length === 4 && overview.networks.every((n) => !n.hasPostMetrics || n.current.impressions > 0)) break;
      assert.ok(i < 120, `the collector did not read the posts: ${JSON.stringify(overview.topPosts)}`);
      if (i % 20 === 19) await page.getByRole('button', { name: 'Check for new numbers' }).click();
      await page.waitForTimeout(500);
    }
    await page.reload();
    await heading(page, 'Analytics');

    const top = page.getByRole('table', { name: 'Top posts' });
    const expected = {};
    for (const platform of ['linkedIn', 'x', 'facebook', 'instagram']) {
      const metrics = await (
        await fetch(`${platformsUrl}/_fake/metrics/${encodeURIComponent(published[platform].postId)}`)
      ).json();
      expected[platform] = metrics.impressions;
      const row = top.getByRole('row').filter({ hasText: `Harvest blend on ${names[platform]}` });
      await row.getByText(grouped(metrics.impressions), { exact: true }).waitFor();
    }
    const totalImpressions = Object.values(expected).reduce((a, b) => a + b, 0);
    const totals = page.getByRole('region', { name: 'Totals' });
    await totals.getByText(grouped(totalImpressions), { exact: true }).waitFor();
    // Google Business Profile has no numbers per post: its post is not among the top posts, and the page says why.
    await page
      .getByText('Google Business Profile reports views and actions for the whole profile, not per post.', { exact: false })
      .first()
      .waitFor();
    await page.getByText('1 post on Google Business Profile is not listed here.', { exact: false }).waitFor();
    assert.equal(await top.getByRole('row').filter({ hasText: 'Harvest blend on Google Business Profile' }).count(), 0);
    await checkPage(page, 'analytics');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(rows[0], [
      'Row',
      'Published',
      'Network',
      'Post',
      'Impressions',
      'Reach',
      'Engagements',
      'Clicks',
      'Engagement rate (%)',
    ]);
    for (const platform of ['linkedIn', 'x', 'facebook', 'instagram']) {
      const row = rows.find((r) => r[0] === 'Post' && r[3] === `Harvest blend on ${names[platform]}`);
      assert.equal(Number(row[4]), expected[platform], `${platform} impressions in the CSV`);
    }
    assert.ok(
      !rows.some((r) => r[0] === 'Post' && r[2] === 'Google Business Profile'),
      'no per-post row for Google Business Profile',
    );
    const all = rows.find((r) => r[0] === 'Total' && r[2] === 'All networks');
    assert.equal(Number(all[4]), totalImpressions);

    // The PDF report carries the same numbers (read back in the API's tests with a PDF reader); here: it is a PDF.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF report' }).click()]);
    const bytes = await readFile(await pdf.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.suggestedFilename(), /^analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    astrid.assertNoErrors();
  });

  test('a day later the page still matches the CSV, and it fits a phone without sideways scrolling', async () => {
    const { page } = astrid;
    // The browser's clock runs from E2E_CLOCK (Playwright's clock); without a pinned clock there is none to move.
    if (pinnedClock) await page.clock.fastForward('24:00:00');
    await page.setViewportSize(mobile);
    await page.reload();
    await heading(page, 'Analytics');
    await page.getByRole('table', { name: 'Top posts' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 375px`);
    await checkPage(page, 'analytics-mobile');
    astrid.assertNoErrors();
  });
});
