// Settings that belong to one member: the iCalendar subscription link, made, copied, fetched as a calendar app
// would (no sign-in, the secret in the link), and replaced, after which the old link no longer works.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, checkPage, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Hana Planner', email: uniqueEmail('hana'), company: 'Lighthouse Bakery' };

let browser;
let hana;

describe('settings', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    hana = await newUser(browser);
    await hana.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await signUp(hana.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('the calendar link: made on request, copied, read without a sign-in, replaced with a confirmation', async () => {
    const { page } = hana;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Calendar link' }).click();
    await page.waitForURL('**/app/settings/calendar-link');
    await page.getByRole('heading', { name: 'Calendar subscription' }).waitFor();
    await page.getByText('No link is shown yet.').waitFor();
    await checkPage(page, 'settings-calendar-link-empty');

    await page.getByRole('button', { name: 'Get my calendar link' }).click();
    const make = page.getByRole('dialog', { name: 'Make a calendar link?' });
    await make.getByRole('button', { name: 'Make link' }).click();
    await make.waitFor({ state: 'detached' });
    const address = page.getByLabel('Subscription address');
    await address.waitFor();
    const first = await address.inputValue();
    assert.ok(first.startsWith(`${baseUrl}/api/v1/content/calendar.ics?token=`), `the link is on this instance: ${first}`);

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), first);
    await checkPage(page, 'settings-calendar-link');

    // A calendar app reads it with no session: the token is the credential.
    const feed = await fetch(first);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-CALNAME:Lighthouse Bakery content[\s\S]*END:VCALENDAR/);

    await page.getByRole('button', { name: 'Make a new link' }).click();
    const replace = page.getByRole('dialog', { name: 'Replace your calendar link?' });
    await replace.getByText('The current link stops working at once').waitFor();
    await replace.getByRole('button', { name: 'Replace link' }).click();
    await replace.waitFor({ state: 'detached' });
    await page.getByText('A new calendar link was made; the old one no longer works.').waitFor();
    const second = await address.inputValue();
    assert.notEqual(second, first);
    assert.equal((await fetch(first)).status, 404, 'the old link stops working');
    assert.equal((await fetch(second)).status, 200);
    hana.assertNoErrors();
  });
});
