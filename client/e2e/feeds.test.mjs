// RSS feeds from the settings page: an admin has the workspace watch a blog's feed (served here on loopback) and a
// broken one. The items already in the feed make no posts; a new item becomes one draft; the broken feed says what is
// wrong in words and the good one goes on.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Fern Feed', email: uniqueEmail('fern'), company: 'Spreewald Relish' };
const items = [{ id: 'urn:relish:1', title: 'Relish of the month: onion' }];

let browser;
let fern;
let site;
let siteUrl;

function rss() {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Relish blog</title>${items
    .map(
      (item) =>
        `<item><guid>${item.id}</guid><title>${item.title}</title><link>https://relish.example/${encodeURIComponent(item.id)}</link><description>Fresh from the jar.</description></item>`,
    )
    .join('')}</channel></rss>`;
}

describe('feeds', { concurrency: false }, () => {
  before(async () => {
    site = createServer((request, response) => {
      if (request.url === '/blog.rss') {
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        response.end(rss());
      } else if (request.url === '/broken.rss') {
        response.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        response.end('<rss><channel><item><title>Half');
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${site.address().port}`;
    browser = await launchBrowser();
    fern = await newUser(browser);
    await signUp(fern.page, owner);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  test('a new item of a watched feed becomes one draft, and a broken feed is reported in words', async () => {
    const { page } = fern;
    await page.goto('/app/settings/feeds');
    await heading(page, 'Settings');
    const form = page.getByRole('form', { name: 'Watch a feed' });
    await form.getByLabel('Name').fill('Relish blog');
    await form.getByLabel('Feed address').fill(`${siteUrl}/blog.rss`);
    await form.getByRole('button', { name: 'Watch feed' }).click();
    await page.getByText('“Relish blog” is watched.').first().waitFor();
    await form.getByLabel('Name').fill('Broken blog');
    await form.getByLabel('Feed address').fill(`${siteUrl}/broken.rss`);
    await form.getByRole('button', { name: 'Watch feed' }).click();
    await page.getByText('“Broken blog” is watched.').first().waitFor();

    const feeds = page.getByRole('list', { name: 'Watched feeds' });
    const relish = feeds.getByRole('listitem').filter({ hasText: 'Relish blog' });
    await relish.getByRole('button', { name: 'Check now' }).click();
    await relish.getByText('Watching', { exact: true }).waitFor();
    await relish.getByText('0 posts made').waitFor();

    const broken = feeds.getByRole('listitem').filter({ hasText: 'Broken blog' });
    await broken.getByRole('button', { name: 'Check now' }).click();
    await broken.getByText('Last check failed').waitFor();
    await broken.getByText(/not with a feed that can be read/).waitFor();
    await checkPage(page, 'feeds');

    // "Check now" reads a feed at most every ten seconds.
    items.push({ id: 'urn:relish:2', title: 'Beetroot relish is back' });
    await page.waitForTimeout(11_000);
    await relish.getByRole('button', { name: 'Check now' }).click();
    await relish.getByText('One post made').waitFor();
    const drafts = (await callApi(page, 'GET', '/api/v1/content?state=draft')).items;
    assert.deepEqual(
      drafts.map((d) => d.title),
      ['Beetroot relish is back'],
    );
    assert.match(drafts[0].variants[0].text, /^Beetroot relish is back\n\nFresh from the jar\.\n\nhttps:\/\/relish\.example\//);
    fern.assertNoErrors();
  });
});
