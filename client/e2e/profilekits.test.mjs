// Profile kits and Google Business Profile pages: a brand generates its kits (offline AI, images drawn by the API at
// each network's sizes), the page shows previews, counters and the steps left, and stays accessible at 1440 and
// 375 pixels; the Google Business Profile page asks for a connection first. Runs on its own workspace.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Kit Owner', email: uniqueEmail('kit'), company: 'Harbour Bakery' };

let browser;
let kit;

describe('profile kits', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    kit = await newUser(browser);
    const { page } = kit;
    await signUp(page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('a brand generates its kits: images at each network size, texts with counters, steps left', async () => {
    const { page } = kit;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
    await heading(page, 'Brands');
    await page.getByRole('button', { name: 'Add brand' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a brand' });
    await dialog.getByLabel('Brand name').fill('Harbour Bakery');
    await dialog.getByLabel('Industry').fill('Artisan bakery');
    await dialog.getByLabel('Website').fill('https://harbour.example');
    await dialog.getByLabel('Description').fill('Sourdough baked overnight and sold warm by the harbour every morning.');
    await dialog.getByRole('button', { name: 'Add brand' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile kits' }).click();
    await heading(page, 'Profile kits');
    await page.getByRole('heading', { name: 'No kits yet' }).waitFor();
    await checkPage(page, 'profile-kits-empty');

    await page.getByRole('button', { name: 'Generate kits' }).click();
    const kits = page.getByRole('list', { name: 'Profile kits' });
    for (const name of ['LinkedIn', 'X', 'Facebook', 'Instagram', 'Google Business Profile']) {
      await kits.getByRole('heading', { level: 2, name, exact: true }).waitFor({ timeout: 30_000 });
    }
    const x = kits.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'X', exact: true }) });
    const avatar = x.getByRole('img', { name: /Profile photo for Harbour Bakery, 400 by 400 pixels/ });
    await avatar.waitFor();
    const natural = await avatar.evaluate(async (img) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    assert.deepEqual(natural, [400, 400], 'the avatar the browser loaded is 400 x 400');
    await x.getByLabel(/of 160 characters/).waitFor();
    await x.getByText(/Upload the header \(1500x500 px\)/).waitFor();
    await checkPage(page, 'profile-kits');
    kit.assertNoErrors();
  });

  test('the Google Business Profile page asks for a connection before creating a location', async () => {
    const { page } = kit;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Google Business' }).click();
    await heading(page, 'Google Business Profile');
    await page.getByText('Connect Google Business Profile first').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Locations' }).waitFor();
    await checkPage(page, 'google-business');
    kit.assertNoErrors();
  });
});
