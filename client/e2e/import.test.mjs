// CSV import: from the calendar, a marketer uploads a semicolon CSV with a byte order mark and multi-line text, sees
// the columns matched from their headers, checks every row (one row names a network that is not connected: it is
// listed with its row, column and reason), imports the rest row by row, finds them scheduled in the workspace's time
// zone, and importing the same file again creates nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, checkPage, heading, launchBrowser, newUser, pinnedClock, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Iris Importer', email: uniqueEmail('iris'), company: 'Lantern Tea' };
const timeZone = 'Europe/Berlin';

/** A day some weeks after the (pinned) clock, as the file writes it. */
function dayAhead(days) {
  const day = new Date((pinnedClock ?? new Date()).getTime() + days * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const csv =
  '\ufeffPublish date;Time;Channels;Message;Title\r\n' +
  `${dayAhead(20)};09:00;LinkedIn;"New teas this spring.\nTaste them in the shop.";Spring teas\r\n` +
  `${dayAhead(21)};17:30;Facebook;Evening tasting tonight;Evening tasting\r\n` +
  `${dayAhead(22)};08:15;LinkedIn;"Our ""single estate"" range";Single estate\r\n`;
const file = { name: 'january-posts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

let browser;
let iris;

const choose = (scope, name) =>
  scope
    .locator('.segmented label')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();

describe('CSV import', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    iris = await newUser(browser);
    await signUp(iris.page, owner);
    const session = await iris.page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
    await callApi(iris.page, 'PUT', `/api/v1/tenants/${session.tenant.id}/time-zone`, { timeZone });
    await callApi(iris.page, 'POST', '/api/v1/social/connections', {
      platform: 'linkedIn',
      externalAccountId: 'urn:li:organization:4242',
      displayName: 'Lantern Tea on LinkedIn',
      accessToken: 'e2e-linkedIn-token',
    });
    await iris.page.reload();
    await iris.page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('the import opens from the calendar and matches the file’s columns by their names', async () => {
    const { page } = iris;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL('**/app/calendar');
    await checkPage(page, 'calendar-with-import');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.waitForURL('**/app/calendar/import');
    await heading(page, 'Import posts');
    await checkPage(page, 'import-start');

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByText('january-posts.csv: 3 rows, 5 columns, separated by semicolons.').waitFor();
    const form = page.getByRole('form', { name: 'Columns and options' });
    assert.equal(await form.getByLabel('Date', { exact: true }).inputValue(), 'Publish date');
    assert.equal(await form.getByLabel('Networks').inputValue(), 'Channels');
    assert.equal(await form.getByLabel('Text (optional)', { exact: true }).inputValue(), 'Message');
    assert.equal(await form.getByLabel('Title').inputValue(), 'Title');
    await checkPage(page, 'import-columns');
    iris.assertNoErrors();
  });

  test('the dry run names the bad row, its column and why, and the rest are imported row by row', async () => {
    const { page } = iris;
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByText('3 rows read: 2 rows ready to import, 1 row with problems.').waitFor();
    const problems = page.getByRole('table');
    const row = problems.getByRole('row').filter({ hasText: 'Facebook is not connected' });
    await row.waitFor();
    assert.equal((await row.getByRole('cell').nth(0).innerText()).trim(), '3');
    assert.equal((await row.getByRole('cell').nth(1).innerText()).trim(), 'Channels');
    await checkPage(page, 'import-report');

    // With a bad row, all or nothing cannot go ahead.
    await choose(page.getByRole('form', { name: 'Import' }), 'All or nothing');
    await page.getByText('A row has problems: fix the file and check it again, or import row by row.').waitFor();
    await choose(page.getByRole('form', { name: 'Import' }), 'Row by row');
    await page.getByRole('button', { name: 'Import and schedule 2 posts' }).click();
    await page.getByText('2 posts imported').waitFor();
    await checkPage(page, 'import-done');

    const scheduled = await callApi(page, 'GET', '/api/v1/content?state=scheduled');
    const spring = scheduled.items.find((item) => item.title === 'Spring teas');
    assert.equal(scheduled.items.length, 2);
    assert.equal(spring.scheduledLocal.slice(0, 16), `${dayAhead(20)}T09:00`);
    assert.equal(spring.variants[0].text, 'New teas this spring.\nTaste them in the shop.');
    iris.assertNoErrors();
  });

  test('importing the same file again creates nothing', async () => {
    const { page } = iris;
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check every row' }).click();
    await page.getByText('3 rows read: 0 rows ready to import, 1 row with problems, 2 rows imported before.').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Nothing to import' }).isDisabled());
    const all = await callApi(page, 'GET', '/api/v1/content');
    assert.equal(all.items.length, 2);
    iris.assertNoErrors();
  });
});
