// The composer offers what can carry a post: an admin connects LinkedIn through the local OAuth fake, then writes a
// post; only LinkedIn's account is offered, the networks this server cannot connect say so, and scheduling a draft
// that still names X is refused with a message naming X (the API says the same). Media is uploaded, cropped to
// LinkedIn's shape and described from inside the composer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { png } from './media.mjs';
import { baseUrl, callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const oauthUrl = process.env.E2E_OAUTH_URL;
const owner = { name: 'Cora Composer', email: uniqueEmail('cora'), company: 'Lighthouse Tea' };

let browser;
let cora;

describe('the composer and the connected accounts', { concurrency: false }, () => {
  before(async () => {
    assert.ok(oauthUrl, 'E2E_OAUTH_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    cora = await newUser(browser);
    await signUp(cora.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin connects LinkedIn, and the composer offers only its account', async () => {
    const { page } = cora;
    await page.goto('/app/automation/connections');
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect LinkedIn' }).click();
    await page.waitForURL('**/app/automation/connections?connected=linkedIn*');
    await page.getByText('LinkedIn is connected.').waitFor();

    await page.goto('/app/calendar?view=month');
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    const linkedIn = dialog.getByRole('checkbox', { name: 'LinkedIn', exact: true });
    assert.ok(await linkedIn.isChecked(), 'the connected network is chosen');
    assert.ok(await linkedIn.isEnabled());
    // The account the post goes out through, by the name the network gave it.
    await dialog.getByText('Ada Admin').waitFor();
    for (const name of ['X', 'Facebook', 'Instagram', 'Google Business Profile']) {
      assert.ok(await dialog.getByRole('checkbox', { name, exact: true }).isDisabled(), `${name} cannot be chosen`);
    }
    // This server has no app at the other networks: the admin hears it, in words.
    await dialog.getByText('Not available on this server.', { exact: false }).first().waitFor();
    assert.equal(await dialog.getByText(/ClientId|Publishing:/).count(), 0, 'no configuration keys');
    await checkPage(page, 'composer-accounts');

    await dialog.getByLabel('Title').fill('Darjeeling first flush');
    await dialog.getByLabel('Text', { exact: true }).fill('The first flush has landed: bright, floral and limited.');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('“Darjeeling first flush” is scheduled.').waitFor();
    cora.assertNoErrors();
  });

  test('scheduling a draft that names an unconnected network is refused, naming it', async () => {
    const { page } = cora;
    const draft = await callApi(page, 'POST', '/api/v1/content', {
      title: 'Tea and X',
      variants: [
        { platform: 'linkedIn', text: 'Oolong week starts Monday.' },
        { platform: 'x', text: 'Oolong week starts Monday.' },
      ],
    });
    await page.goto('/app/calendar?view=list');
    await page.getByRole('button', { name: /Tea and X/ }).click();
    const details = page.getByRole('dialog', { name: 'Tea and X' });
    await details.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit “Tea and X”' });
    await dialog.waitFor();
    // X is on the post, so it can be taken off; its note says it cannot go out.
    assert.ok(await dialog.getByRole('checkbox', { name: 'X', exact: true }).isChecked());
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.getByText(/^X is not connected: connect an? X account, or take it off this post, to schedule it\.$/).waitFor();
    await checkPage(page, 'composer-refused');

    // The API refuses the same with a problem document naming the network, and the post stays a draft.
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
    const refused = await page.request.post(`${baseUrl}/api/v1/automation/schedule-content`, {
      headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
      data: JSON.stringify({ items: [{ id: draft.id, at: '2030-01-15T09:00' }] }),
    });
    assert.equal(refused.status(), 400);
    assert.match(refused.headers()['content-type'], /application\/problem\+json/);
    const problem = await refused.json();
    assert.match(problem.errors['variants[1].platform'][0], /^X is not connected/);
    assert.equal((await callApi(page, 'GET', `/api/v1/content/${draft.id}`)).state, 'draft');

    // Taking X off lets it go out on LinkedIn.
    await dialog.getByRole('checkbox', { name: 'X', exact: true }).uncheck();
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('“Tea and X” is scheduled.').waitFor();
    cora.assertNoErrors();
  });

  test('an image is uploaded, cropped to LinkedIn’s shape and described inside the composer', async () => {
    const { page } = cora;
    await page.goto('/app/calendar?view=month');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Tasting room');
    await dialog.getByLabel('Text', { exact: true }).fill('Our tasting room opens on Saturday.');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'tasting-room.png', mimeType: 'image/png', buffer: png(600, 600) });
    const crop = dialog.getByRole('button', { name: 'LinkedIn 1.91:1' });
    // The crop is offered once the server has measured the image.
    await crop.waitFor({ timeout: 60_000 });
    await dialog.getByLabel(/Description of “tasting-room/).fill('A sunny room with a long oak table set with teapots');
    await crop.click();
    await dialog.getByRole('checkbox', { name: /cropped for LinkedIn/ }).waitFor({ timeout: 30_000 });
    await checkPage(page, 'composer-media');
    await dialog.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('“Tasting room” was saved as a draft.').waitFor();

    const posts = await callApi(page, 'GET', '/api/v1/content?state=draft');
    const saved = posts.items.find((item) => item.title === 'Tasting room');
    const [mediaId] = saved.variants[0].mediaAssetIds;
    // The server measures the new file in the background.
    let asset = await callApi(page, 'GET', `/api/v1/assets/${mediaId}`);
    for (let tries = 0; asset.state !== 'ready' && tries < 120; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      asset = await callApi(page, 'GET', `/api/v1/assets/${mediaId}`);
    }
    assert.match(asset.name, /cropped for LinkedIn/, 'the post uses the cropped copy');
    assert.ok(Math.abs(asset.width / asset.height - 1.91) < 0.02, `${asset.width}x${asset.height} is LinkedIn's shape`);
    assert.equal(asset.altText, 'A sunny room with a long oak table set with teapots');
    cora.assertNoErrors();
  });
});
