// Recurring posts from the composer: a weekly post in a Berlin workspace, four times, every post at the same wall-clock
// time (also across a change of the clocks, when the pinned clock puts one in the way); skipping one leaves the others.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Rory Repeat', email: uniqueEmail('rory'), company: 'Spreewald Gherkins' };
const timeZone = 'Europe/Berlin';

let browser;
let rory;

describe('recurring posts', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    rory = await newUser(browser);
    await signUp(rory.page, owner);
    const session = await rory.page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
    await callApi(rory.page, 'PUT', `/api/v1/tenants/${session.tenant.id}/time-zone`, { timeZone });
    await callApi(rory.page, 'POST', '/api/v1/social/connections', {
      platform: 'linkedIn',
      externalAccountId: 'urn:li:organization:4242',
      displayName: `${owner.company} on LinkedIn`,
      accessToken: 'e2e-linkedIn-token',
    });
    await rory.page.reload();
    await rory.page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('a weekly post repeats four times at the same local time, and skipping one leaves the others', async () => {
    const { page } = rory;
    await page.goto('/app/calendar?view=list');
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Gherkin of the week');
    await dialog.getByLabel('Text', { exact: true }).fill('This week’s gherkin: crunchy, sour, local.');
    await dialog.getByLabel('Repeat this post').check();
    await dialog.getByLabel('Number of posts').fill('4');
    await checkPage(page, 'recurring-composer');
    await dialog.getByRole('button', { name: 'Schedule series' }).click();
    await page.getByText('“Gherkin of the week” repeats: 4 posts are scheduled.').waitFor();

    const posts = (await callApi(page, 'GET', '/api/v1/content?state=scheduled')).items
      .filter((post) => post.title === 'Gherkin of the week')
      .sort((a, b) => a.seriesIndex - b.seriesIndex);
    assert.equal(posts.length, 4);
    const wallTimes = new Set(posts.map((post) => post.scheduledLocal.slice(11, 16)));
    assert.equal(wallTimes.size, 1, 'every post at the same wall-clock time');
    const days = posts.map((post) => new Date(`${post.scheduledLocal.slice(0, 10)}T00:00:00Z`).getTime());
    for (let i = 1; i < days.length; i++) assert.equal(days[i] - days[i - 1], 7 * 86_400_000, 'a week apart');

    await page.goto(`/app/calendar?view=list&date=${posts[1].scheduledLocal.slice(0, 10)}`);
    await page
      .getByRole('button', { name: /Gherkin of the week/ })
      .first()
      .click();
    const details = page.getByRole('dialog', { name: 'Gherkin of the week' });
    await details.getByText(/^Post \d of a recurring post/).waitFor();
    await checkPage(page, 'recurring-post');
    await details.getByRole('button', { name: 'Skip this post' }).click();
    await page.getByText(/is skipped; the other posts of the series stay\.$/).waitFor();

    const after = (await callApi(page, 'GET', '/api/v1/content')).items.filter((post) => post.title === 'Gherkin of the week');
    assert.equal(after.length, 4);
    assert.equal(after.filter((post) => post.state === 'cancelled').length, 1);
    assert.equal(after.filter((post) => post.state === 'scheduled').length, 3);
    for (const post of after) {
      const before = posts.find((p) => p.id === post.id);
      assert.equal(post.scheduledAt, before.scheduledAt, 'no other post moved');
    }
    rory.assertNoErrors();
  });
});
