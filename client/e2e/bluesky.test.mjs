// Bluesky end to end: an admin connects an account with its handle and an app password on the Connections page (the
// fake speaks XRPC, e2e/fakes/bluesky.mjs), writes a post in the composer, which counts as Bluesky counts
// (graphemes: the croissant and the flag are one each), schedules it and publishes it now. The fake receives one
// app.bsky.feed.post whose facets cover the link and the hashtag exactly, although emoji come before them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';
import { appPassword } from './fakes/bluesky.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Bea Sky', email: uniqueEmail('bea'), company: 'Bluebell Café' };
const postText = 'Croissants 🥐🇫🇷 are back: https://bluebell.example/menu #breakfast';

let browser;
let bea;

async function received() {
  return (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => r.platform === 'bluesky');
}

describe('bluesky', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    bea = await newUser(browser);
    await signUp(bea.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin connects Bluesky with a handle and an app password; a wrong password is refused in words', async () => {
    const { page } = bea;
    await page.getByRole('link', { name: 'Connections' }).first().click();
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    const form = page.getByRole('form', { name: 'Connect Bluesky' });
    await form.waitFor();
    await form.getByLabel('Handle').fill('bluebell');
    await form.getByLabel('App password').fill('not-the-app-password');
    await form.getByRole('button', { name: 'Connect Bluesky' }).click();
    await form.getByText(/Bluesky did not accept this handle and app password \(Invalid identifier or password\)/).waitFor();
    await checkPage(page, 'bluesky-connect-refused');

    await form.getByLabel('App password').fill(appPassword);
    await form.getByRole('button', { name: 'Connect Bluesky' }).click();
    await page.getByText('Bluesky is connected as @bluebell.bsky.social.').waitFor();
    await form.waitFor({ state: 'detached' });
    const list = page.getByRole('list', { name: 'Connected accounts' });
    await list.getByText('@bluebell.bsky.social').waitFor();
    await list.getByText('Healthy').waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.ok(!stored.includes(appPassword), 'the app password is not kept in the browser');
    await checkPage(page, 'bluesky-connected');
    bea.assertNoErrors();
  });

  test('a post written for Bluesky is counted in graphemes, published once, with its facets on the right bytes', async () => {
    const { page } = bea;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Croissant comeback');
    // Only Bluesky is connected: the new post starts on it.
    assert.ok(await dialog.getByRole('checkbox', { name: 'Bluesky', exact: true }).isChecked());
    await dialog.getByLabel('Text', { exact: true }).fill(postText);
    const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(postText)].length;
    await dialog.getByTestId('counter-bluesky').getByText(`${graphemes} / 300`).waitFor();
    await checkPage(page, 'bluesky-composer');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Croissant comeback” is scheduled.').waitFor();

    await page.getByRole('button', { name: /Croissant comeback\s*,\s*Scheduled/ }).click();
    const post = page.getByRole('dialog', { name: 'Croissant comeback' });
    await post.getByRole('button', { name: 'Publish now' }).click();
    await post.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });
    await post.getByText(/^at:\/\/did:plc:bluebellbskysocial\/app\.bsky\.feed\.post\/\w+$/).waitFor({ timeout: 30_000 });

    const records = await received();
    assert.equal(records.length, 1, 'Bluesky received the post once');
    assert.equal(records[0].text, postText);
    assert.equal(records[0].repo, 'did:plc:bluebellbskysocial');
    assert.deepEqual(records[0].facets, [
      { type: 'app.bsky.richtext.facet#link', text: 'https://bluebell.example/menu' },
      { type: 'app.bsky.richtext.facet#tag', text: '#breakfast' },
    ]);
    const rkey = records[0].id.split('/').pop();
    assert.equal(
      await post.getByRole('link', { name: /View on Bluesky/ }).getAttribute('href'),
      `https://bsky.app/profile/did:plc:bluebellbskysocial/post/${rkey}`,
    );
    await checkPage(page, 'bluesky-published');
    bea.assertNoErrors();
  });
});
