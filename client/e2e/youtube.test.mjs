// YouTube end to end: an admin connects a channel through Google's authorisation server (the fake in
// e2e/fakes/youtube.mjs: PKCE S256, offline access, then the channel of channels?mine=true), uploads a vertical video
// in the composer, which says YouTube will show it as a Short, gives it a title, tags and a privacy, counts its
// description, and publishes it now: the fake Data API receives one resumable upload with exactly the file's bytes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mp4 } from './media.mjs';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Yara Tube', email: uniqueEmail('yara'), company: 'Fjord Bakery' };
const description = 'How we shape a rye loaf, in 40 seconds. Recipe in the comments 🍞';
const videoTitle = 'Shaping a rye loaf';
const clip = mp4(1080, 1920, 40);

let browser;
let yara;

describe('youtube', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    yara = await newUser(browser);
    await signUp(yara.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin connects a YouTube channel through Google and comes back to a healthy connection', async () => {
    const { page } = yara;
    await page.getByRole('link', { name: 'Connections' }).first().click();
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect YouTube' }).click();
    await page.waitForURL('**/app/automation/connections?connected=youTube*');
    await page.getByText('YouTube is connected.').waitFor();
    const list = page.getByRole('list', { name: 'Connected accounts' });
    await list.getByText('Fjord Bakery').first().waitFor();
    await list.getByText('Healthy').waitFor();
    await checkPage(page, 'youtube-connected');
    yara.assertNoErrors();
  });

  test('a vertical video with a title, tags and privacy is uploaded once as a Short', async () => {
    const { page } = yara;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title', { exact: true }).fill('Rye shaping');
    assert.ok(await dialog.getByRole('checkbox', { name: 'YouTube', exact: true }).isChecked());
    await dialog.getByLabel('Text', { exact: true }).fill(description);
    await dialog
      .getByTestId('counter-youTube')
      .getByText(`${Buffer.byteLength(description)} / 5,000`)
      .waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'rye-shaping.mp4', mimeType: 'video/mp4', buffer: clip });
    await dialog.getByText('will appear on YouTube as a Short').waitFor({ timeout: 60_000 });
    await dialog.getByLabel('Video title').fill(videoTitle);
    await dialog.getByTestId('counter-video-title').getByText(`${videoTitle.length} / 100`).waitFor();
    await dialog.getByLabel('Who can watch').selectOption('unlisted');
    await dialog.getByLabel('Tags').fill('rye, sourdough starter');
    await dialog.getByRole('article', { name: 'YouTube preview' }).getByText(videoTitle).waitFor();
    await checkPage(page, 'youtube-composer');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Rye shaping” is scheduled.').waitFor();

    await page.getByRole('button', { name: /Rye shaping\s*,\s*Scheduled/ }).click();
    const post = page.getByRole('dialog', { name: 'Rye shaping' });
    await post.getByRole('button', { name: 'Publish now' }).click();
    await post.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });

    const received = (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => r.platform === 'youTube');
    assert.equal(received.length, 1, 'YouTube received the video once');
    assert.deepEqual(
      {
        title: received[0].title,
        text: received[0].text,
        tags: received[0].tags,
        privacy: received[0].privacy,
        bytes: received[0].bytes,
      },
      { title: videoTitle, text: description, tags: ['rye', 'sourdough starter'], privacy: 'unlisted', bytes: clip.length },
    );
    await checkPage(page, 'youtube-published');
    yara.assertNoErrors();
  });
});
