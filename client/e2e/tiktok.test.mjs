// TikTok end to end: an admin connects TikTok through Login Kit for the web (the fake in e2e/fakes/tiktok.mjs:
// client_key, no PKCE, then /v2/user/info/), uploads a vertical video in the composer, which asks TikTok (through the
// API) what this creator may post: who can see it is chosen among TikTok's options with none chosen beforehand, and the
// stitches the creator turned off in TikTok stay off. Published now: the fake receives the init, the bytes in a chunk,
// and reports the post complete after a poll.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mp4 } from './media.mjs';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Tove Tok', email: uniqueEmail('tove'), company: 'Fjord Bakery' };
const caption = 'Cardamom knots, twisted by hand 🌀 #bakery #fika';
const clip = mp4(1080, 1920, 25);

let browser;
let tove;

describe('tiktok', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    tove = await newUser(browser);
    await signUp(tove.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin connects TikTok through Login Kit and comes back to a healthy connection', async () => {
    const { page } = tove;
    await page.getByRole('link', { name: 'Connections' }).first().click();
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect TikTok' }).click();
    await page.waitForURL('**/app/automation/connections?connected=tikTok*');
    await page.getByText('TikTok is connected.').waitFor();
    const list = page.getByRole('list', { name: 'Connected accounts' });
    await list.getByText('Fjord Bakery').first().waitFor();
    await list.getByText('Healthy').waitFor();
    await checkPage(page, 'tiktok-connected');
    tove.assertNoErrors();
  });

  test('a video whose audience the creator chose among TikTok’s options is published once', async () => {
    const { page } = tove;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title', { exact: true }).fill('Cardamom knots');
    assert.ok(await dialog.getByRole('checkbox', { name: 'TikTok', exact: true }).isChecked());
    await dialog.getByLabel('Text', { exact: true }).fill(caption);
    await dialog
      .getByTestId('counter-tikTok')
      .getByText(`${[...caption].length} / 2,200`)
      .waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'knots.mp4', mimeType: 'video/mp4', buffer: clip });
    await dialog.getByText('Posting as Fjord Bakery.').waitFor();
    const audience = dialog.getByLabel('Who can see this video');
    assert.equal(await audience.inputValue(), '', 'TikTok wants the creator to choose: nothing is chosen beforehand');
    assert.deepEqual(await audience.locator('option').allTextContents(), [
      'Choose who can see it',
      'Everyone',
      'Friends (followers you follow back)',
      'Only me',
    ]);
    const stitches = dialog.getByRole('checkbox', { name: /Turn off stitches/ });
    assert.ok((await stitches.isChecked()) && (await stitches.isDisabled()), 'stitches the creator turned off stay off');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.getByText('Choose who can see the video on TikTok.').waitFor();
    await audience.selectOption({ label: 'Friends (followers you follow back)' });
    await dialog.getByRole('checkbox', { name: 'Turn off comments' }).check();
    await checkPage(page, 'tiktok-composer');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Cardamom knots” is scheduled.').waitFor();

    await page.getByRole('button', { name: /Cardamom knots\s*,\s*Scheduled/ }).click();
    const post = page.getByRole('dialog', { name: 'Cardamom knots' });
    await post.getByRole('button', { name: 'Publish now' }).click();
    await post.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });

    const received = (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => r.platform === 'tikTok');
    assert.equal(received.length, 1, 'TikTok published the video once');
    assert.deepEqual(
      {
        text: received[0].text,
        privacy: received[0].privacy,
        comments: received[0].disableComment,
        stitches: received[0].disableStitch,
        bytes: received[0].bytes,
      },
      { text: caption, privacy: 'MUTUAL_FOLLOW_FRIENDS', comments: true, stitches: true, bytes: clip.length },
    );
    await checkPage(page, 'tiktok-published');
    tove.assertNoErrors();
  });
});
