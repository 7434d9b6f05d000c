// Snippets, templates and tracked links end to end: a marketer saves a hashtag group and a post template for their
// brand, writes a post from the template in the composer, adds the hashtags from the Insert menu, switches on
// "Shorten links" and publishes to LinkedIn (the local fake). LinkedIn receives a short link instead of the address;
// following it as a person lands on the address with LinkedIn's UTM parameters, a link preview fetcher's visit and a
// HEAD request are not counted, and the post shows one click.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Lena Links', email: uniqueEmail('lena'), company: 'Lighthouse Tea' };
const brandName = 'Lighthouse Tea';
const landing = 'https://lighthouse.example/darjeeling';
const person =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let browser;
let lena;

async function linkedInPosts() {
  return (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => r.platform === 'linkedIn');
}

describe('snippets, templates and short links', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    lena = await newUser(browser);
    await signUp(lena.page, owner);
    await callApi(lena.page, 'POST', '/api/v1/companies', { name: brandName, industry: 'Tea' });
    // A LinkedIn page connected with a token the local fake accepts (as the calendar journey connects its networks).
    await callApi(lena.page, 'POST', '/api/v1/social/connections', {
      platform: 'linkedIn',
      externalAccountId: 'urn:li:organization:4242',
      displayName: `${brandName} on LinkedIn`,
      accessToken: 'e2e-linkedIn-token',
    });
  });

  after(async () => {
    await browser?.close();
  });

  test('a hashtag group and a template are saved; a template with an unknown variable is refused, naming it', async () => {
    const { page } = lena;
    await page.goto('/app/settings/snippets');
    await heading(page, 'Settings');
    const add = page.getByRole('form', { name: 'Add a snippet' });
    await add.getByLabel('Kind').selectOption({ label: 'Hashtag group' });
    await add.getByLabel('Name').fill('Tea lovers');
    await add.getByLabel('Hashtags').fill('#tea firstflush');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Hashtag group “Tea lovers” was added.').waitFor();
    await page.getByText('#tea #firstflush').waitFor();

    await add.getByLabel('Kind').selectOption({ label: 'Post template' });
    await add.getByLabel('Name').fill('Launch');
    await add.getByLabel('Template').fill('New at {brand}: {product} for {price}. Order at {link}');
    await add.getByRole('button', { name: 'Add' }).click();
    await add
      .getByText(/Unknown variable \{price\}: a template can use \{brand\}, \{product\}, \{link\}, \{website\}\./)
      .waitFor();
    await add.getByLabel('Template').fill('New at {brand}: {product}. Order at {link}');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.getByText('Post template “Launch” was added.').waitFor();
    await checkPage(page, 'snippets-settings');
    lena.assertNoErrors();
  });

  test('a post is written from the template and the hashtag group, published with a short link that counts one click', async () => {
    const { page } = lena;
    await page.goto('/app/calendar?view=list');
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: /^Brand/ }).selectOption({ label: brandName });
    await dialog.getByRole('button', { name: 'Start from template' }).click();
    const picker = page.getByRole('dialog', { name: 'Start from a template' });
    await picker.getByLabel('Product').fill('Darjeeling first flush');
    await picker.getByLabel('Link').fill(landing);
    await picker.getByText(`New at ${brandName}: Darjeeling first flush. Order at ${landing}`).waitFor();
    await picker.getByRole('button', { name: 'Use template' }).click();
    await picker.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    await dialog.getByRole('button', { name: 'Insert hashtag group Tea lovers' }).click();
    const text = `New at ${brandName}: Darjeeling first flush. Order at ${landing}\n\n#tea #firstflush`;
    assert.equal(await dialog.getByLabel('Text', { exact: true }).inputValue(), text);
    assert.equal(await dialog.getByLabel('Title').inputValue(), 'Launch');
    await dialog.getByRole('switch', { name: 'Shorten links' }).check();
    await dialog.getByLabel('Campaign').fill('First flush 2027');
    await checkPage(page, 'links-composer');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('“Launch” is scheduled.').waitFor();

    await page.getByRole('button', { name: /Launch\s*,\s*Scheduled/ }).click();
    const post = page.getByRole('dialog', { name: 'Launch' });
    await post.getByText('Links will be shortened and tracked when the post is published.').waitFor();
    await post.getByRole('button', { name: 'Publish now' }).click();
    await post.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });
    await post.getByText(/^urn:li:share:\d+$/).waitFor({ timeout: 30_000 });

    // LinkedIn got a short link of this product instead of the address, the hashtags as they were.
    const sent = await linkedInPosts();
    const ours = sent.filter((r) => r.text.includes('Darjeeling first flush'));
    assert.equal(ours.length, 1, 'LinkedIn received the post once');
    assert.ok(!ours[0].text.includes('lighthouse.example'), ours[0].text);
    const match = ours[0].text.match(/(http:\/\/127\.0\.0\.1:\d+\/l\/[0-9A-Za-z]{10})/);
    assert.ok(match && match[1].startsWith(baseUrl), `a short link on ${baseUrl}: ${ours[0].text}`);
    const shortUrl = match[1];
    const [item] = (await callApi(page, 'GET', '/api/v1/content?state=published')).items.filter((i) => i.title === 'Launch');

    // A link preview fetcher and a HEAD request are redirected but not counted.
    for (const [method, agent] of [
      ['GET', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
      ['HEAD', person],
    ]) {
      const answer = await fetch(shortUrl, { method, redirect: 'manual', headers: { 'User-Agent': agent } });
      assert.equal(answer.status, 302);
    }

    // A person follows it: the redirect carries them to the address with LinkedIn's campaign parameters.
    const click = await fetch(shortUrl, { redirect: 'manual', headers: { 'User-Agent': person } });
    assert.equal(click.status, 302);
    const arrived = new URL(click.headers.get('location'));
    assert.equal(`${arrived.origin}${arrived.pathname}`, landing);
    assert.equal(arrived.searchParams.get('utm_source'), 'linkedin');
    assert.equal(arrived.searchParams.get('utm_medium'), 'social');
    assert.equal(arrived.searchParams.get('utm_campaign'), 'first-flush-2027');
    assert.equal(arrived.searchParams.get('utm_content'), item.id);

    // The post shows the click (the counts are written every few seconds).
    await post.getByText('1 click', { exact: true }).waitFor({ timeout: 45_000 });
    await post.getByText(`${shortUrl} to ${landing}`, { exact: false }).waitFor();
    const links = await callApi(page, 'GET', `/api/v1/content/${item.id}/links`);
    assert.equal(links.totalClicks, 1);
    await checkPage(page, 'links-clicks');
    lena.assertNoErrors();
  });
});
