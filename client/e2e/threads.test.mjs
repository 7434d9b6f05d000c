// Threads end to end: an admin connects Threads through its authorisation server (the fake in e2e/fakes/threads-oauth.mjs:
// code grant, then the GET that makes the token long-lived, then /me), writes a post in the composer, which counts to
// Threads' 500 characters, and publishes it now: the fake graph host (e2e/fakes/platforms.mjs) receives one text
// container and one threads_publish of it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Theo Reads', email: uniqueEmail('theo'), company: 'Fjord Bakery' };
const postText = 'Cardamom buns are out of the oven 🌀 come by before noon.';

let browser;
let theo;

describe('threads', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    theo = await newUser(browser);
    await signUp(theo.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin connects Threads through its authorisation server and comes back to a healthy connection', async () => {
    const { page } = theo;
    await page.getByRole('link', { name: 'Connections' }).first().click();
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect Threads' }).click();
    await page.waitForURL('**/app/automation/connections?connected=threads*');
    await page.getByText('Threads is connected.').waitFor();
    const list = page.getByRole('list', { name: 'Connected accounts' });
    await list.getByText('@fjordbakery').first().waitFor();
    await list.getByText('Healthy').waitFor();
    await checkPage(page, 'threads-connected');
    theo.assertNoErrors();
  });

  test('a post for Threads is counted, scheduled and published once as a text container', async () => {
    const { page } = theo;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Cardamom buns');
    assert.ok(await dialog.getByRole('checkbox', { name: 'Threads', exact: true }).isChecked());
    await dialog.getByLabel('Text', { exact: true }).fill(postText);
    await dialog
      .getByTestId('counter-threads')
      .getByText(`${[...postText].length} / 500`)
      .waitFor();
    await checkPage(page, 'threads-composer');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Cardamom buns” is scheduled.').waitFor();

    await page.getByRole('button', { name: /Cardamom buns\s*,\s*Scheduled/ }).click();
    const post = page.getByRole('dialog', { name: 'Cardamom buns' });
    await post.getByRole('button', { name: 'Publish now' }).click();
    await post.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });

    const received = (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => r.platform === 'threads');
    assert.equal(received.length, 1, 'Threads received the post once');
    assert.deepEqual(
      { user: received[0].user, text: received[0].text, mediaType: received[0].mediaType },
      { user: '2500000042', text: postText, mediaType: 'TEXT' },
    );
    await post.getByText(received[0].id, { exact: true }).waitFor({ timeout: 30_000 });
    await checkPage(page, 'threads-published');
    theo.assertNoErrors();
  });
});
