// Pinterest end to end: an admin connects Pinterest through its authorisation server (the fake in
// e2e/fakes/pinterest.mjs: client secret as HTTP Basic, no PKCE, then /v5/user_account), writes a pin in the composer:
// an image uploaded there, a board chosen from the account's boards (read from Pinterest through the API), a title
// counted to 100 and a description to 500, a link; publishes it now, and the fake API receives one pin by image_url.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { png } from './media.mjs';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Pia Pins', email: uniqueEmail('pia'), company: 'Fjord Bakery' };
const description = 'Rye sourdough with caraway 🍞 the loaf we bake every Friday.';
const pinTitle = 'Friday rye sourdough';

let browser;
let pia;

describe('pinterest', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    pia = await newUser(browser);
    await signUp(pia.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin connects Pinterest through its authorisation server and comes back to a healthy connection', async () => {
    const { page } = pia;
    await page.getByRole('link', { name: 'Connections' }).first().click();
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect Pinterest' }).click();
    await page.waitForURL('**/app/automation/connections?connected=pinterest*');
    await page.getByText('Pinterest is connected.').waitFor();
    const list = page.getByRole('list', { name: 'Connected accounts' });
    await list.getByText('Fjord Bakery').first().waitFor();
    await list.getByText('Healthy').waitFor();
    await checkPage(page, 'pinterest-connected');
    pia.assertNoErrors();
  });

  test('a pin with an image, a board, a title and a link is published once', async () => {
    const { page } = pia;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title', { exact: true }).fill('Friday rye');
    assert.ok(await dialog.getByRole('checkbox', { name: 'Pinterest', exact: true }).isChecked());
    await dialog.getByLabel('Text', { exact: true }).fill(description);
    await dialog
      .getByTestId('counter-pinterest')
      .getByText(`${[...description].length} / 500`)
      .waitFor();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'rye.png', mimeType: 'image/png', buffer: png(600, 600) });
    // Offered once the server has measured the square image: a pin is best in 2:3.
    await dialog.getByRole('button', { name: 'Pinterest 2:3' }).waitFor({ timeout: 60_000 });
    const board = dialog.getByLabel('Board');
    await board.getByRole('option', { name: 'Bakes we love' }).waitFor({ state: 'attached' });
    await board.selectOption({ label: 'Bakes we love' });
    await dialog.getByLabel('Pin title').fill(pinTitle);
    await dialog.getByTestId('counter-pin-title').getByText(`${pinTitle.length} / 100`).waitFor();
    await dialog.getByRole('textbox', { name: /^Link/ }).fill('https://fjordbakery.example/rye');
    await dialog.getByRole('article', { name: 'Pinterest preview' }).getByText(pinTitle).waitFor();
    await checkPage(page, 'pinterest-composer');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Friday rye” is scheduled.').waitFor();

    await page.getByRole('button', { name: /Friday rye\s*,\s*Scheduled/ }).click();
    const post = page.getByRole('dialog', { name: 'Friday rye' });
    await post.getByRole('button', { name: 'Publish now' }).click();
    await post.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });

    const received = (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => r.platform === 'pinterest');
    assert.equal(received.length, 1, 'Pinterest received the pin once');
    assert.deepEqual(
      {
        board: received[0].boardId,
        title: received[0].title,
        text: received[0].text,
        link: received[0].link,
        source: received[0].sourceType,
      },
      { board: '549755885175', title: pinTitle, text: description, link: 'https://fjordbakery.example/rye', source: 'image_url' },
    );
    await checkPage(page, 'pinterest-published');
    pia.assertNoErrors();
  });
});
