// A new customer's first hour: the five onboarding steps with real uploads (a PNG made here, a text file dropped
// onto the page), the files page with the image processed and the text found by search, the dashboard's progress and
// plan, and the billing page of a self-hosted instance (billing off). Runs on its own workspace.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Dana Owner', email: uniqueEmail('dana'), company: 'Fjord Coffee Roasters' };
const stranger = { name: 'Eli Other', email: uniqueEmail('eli'), company: 'Elsewhere Ltd' };
// Words that only the uploaded text file contains, so that search can only find them there.
const secret = `heliotrope${Date.now().toString(36)}`;
const textFile = {
  name: 'tasting-notes.txt',
  text: `Tasting notes\n\nOur washed Ethiopian roast tastes of ${secret} and bergamot, with a long, clean finish.\n`,
};

let browser;
let dana;

/** A real PNG: 96 x 96 pixels, random colours (so that every run uploads a file the API has not seen). */
function makePng(size = 96) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const noise = randomBytes(3);
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      row[1 + x * 3] = (x * 2 + noise[0]) & 0xff;
      row[2 + x * 3] = (y * 2 + noise[1]) & 0xff;
      row[3 + x * 3] = (x + y + noise[2]) & 0xff;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('setting up a brand', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    dana = await newUser(browser);
    await signUp(dana.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('the dashboard shows the setup not started and the plan of a self-hosted instance', async () => {
    const { page } = dana;
    const setup = page.getByRole('region', { name: 'Brand setup' });
    await setup.getByText('0 of 5 steps done').waitFor();
    await page.getByRole('region', { name: 'Plan' }).getByText('Billing is off on this self-hosted instance.').waitFor();
    await checkPage(page, 'dashboard-setup-start');
    await setup.getByRole('link', { name: 'Start setup' }).click();
    await page.waitForURL('**/app/onboarding');
    await heading(page, 'Set up your brand');
    dana.assertNoErrors();
  });

  test('steps 1 to 3: the rules are checked, each step is saved and the stepper marks it done', async () => {
    const { page } = dana;
    await heading(page, 'Company basics', 2);
    assert.ok(await page.getByRole('button', { name: /Audience/ }).isDisabled(), 'later steps wait for the basics');
    await page.getByLabel('Company name').fill('Fjord Coffee');
    await page.getByLabel('Website').fill('fjord.example');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('Enter a full web address starting with https://.').waitFor();
    await checkPage(page, 'onboarding-step-1-error');
    await page.getByLabel('Website').fill('https://fjord.example');
    await page.getByLabel('Industry').fill('Specialty coffee');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await heading(page, 'Audience', 2);
    await page.getByText('1 of 5 steps done').waitFor();
    await page.getByLabel('Target audience').fill('Home baristas who buy beans online every month.');
    await page.getByLabel('Core problem you solve').fill('Supermarket coffee is stale by the time it is brewed.');
    await checkPage(page, 'onboarding-step-2');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await heading(page, 'Brand voice', 2);
    await page.getByRole('textbox', { name: 'Brand voice' }).fill('Warm, precise and a little nerdy. Never snobbish.');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // The files come before the strategy, so that the strategy's AI draft can use them.
    await heading(page, 'Logo, colours and files', 2);
    await page.getByText('3 of 5 steps done').waitFor();
    await page.getByText('Step 4 of 5', { exact: true }).waitFor();
    dana.assertNoErrors();
  });

  test('leaving and coming back resumes at the step the user was on', async () => {
    const { page } = dana;
    await page.goto('/app');
    await page.getByRole('region', { name: 'Brand setup' }).getByText('3 of 5 steps done').waitFor();
    await page.getByRole('region', { name: 'Brand setup' }).getByRole('link', { name: 'Continue setup' }).click();
    await heading(page, 'Logo, colours and files', 2);

    // Going back a step is remembered by the server: a reload lands there.
    const remembered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/onboarding/progress') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: /Brand voice/ }).click();
    await heading(page, 'Brand voice', 2);
    assert.equal(
      await page.getByRole('textbox', { name: 'Brand voice' }).inputValue(),
      'Warm, precise and a little nerdy. Never snobbish.',
    );
    assert.equal((await remembered).status(), 200);
    await page.goto('/app/onboarding');
    await heading(page, 'Brand voice', 2);
    await page.getByRole('button', { name: /Logo, colours and files/ }).click();
    await heading(page, 'Logo, colours and files', 2);
    dana.assertNoErrors();
  });

  test('step 4: a PNG through the file picker and a text file dropped on the page, each with its progress; the logo and colours', async () => {
    const { page } = dana;
    const png = { name: 'fjord-mark.png', mimeType: 'image/png', buffer: makePng() };
    await page.getByLabel('Choose files').setInputFiles([png]);

    const dropzone = page.getByText('Drag and drop files here').locator('..');
    const dataTransfer = await page.evaluateHandle(({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/plain' }));
      return transfer;
    }, textFile);
    await dropzone.dispatchEvent('dragenter', { dataTransfer });
    await dropzone.dispatchEvent('drop', { dataTransfer });

    const uploads = page.getByRole('list', { name: 'Uploads' });
    await uploads.getByText(png.name).waitFor();
    await uploads.getByText(textFile.name).waitFor();
    await page.getByText('2 of 2 files uploaded.').waitFor({ timeout: 20_000 });
    for (const name of [png.name, textFile.name]) {
      const bar = page.getByRole('progressbar', { name: `Upload of ${name}` });
      assert.equal(await bar.getAttribute('aria-valuenow'), '100', `${name} shows its upload complete`);
    }

    const logo = page.getByRole('radio', { name: /fjord-mark\.png/ });
    await logo.waitFor();
    await logo.check();
    await page.getByRole('button', { name: 'Add a colour' }).click();
    await page.getByLabel('Colour 1 as #RRGGBB').fill('#1D4E89');
    await page.getByRole('button', { name: 'Add a colour' }).click();
    await page.getByLabel('Colour 2 as #RRGGBB').fill('#F2C14E');
    await checkPage(page, 'onboarding-step-4');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, 'Strategy', 2);
    await page.getByText('4 of 5 steps done').waitFor();
    dana.assertNoErrors();
  });

  test('step 5: the AI draft of the strategy, after the uploads, fills the step for the user to edit', async () => {
    const { page } = dana;
    // The AI draft (offline here: no provider key) fills the step from the profile for the user to edit.
    await page.getByRole('button', { name: 'AI draft' }).click();
    await page.getByText('Drafted offline from your profile and files. Edit it, then save.').waitFor();
    assert.notEqual(await page.getByLabel('Vision').inputValue(), '', 'the draft fills the vision');
    await page.getByLabel('Vision').fill('Every cup as fresh as at the roastery.');
    await page.getByLabel('Mission').fill('Roast to order and ship within a day.');
    await page.getByLabel('Name of value 1').fill('Freshness');
    await page.getByLabel('What value 1 means in practice').fill('Roasted on the day it ships.');
    // The draft may already hold a second value: add a row only when it does not.
    if ((await page.getByLabel('Name of value 2').count()) === 0) {
      await page.getByRole('button', { name: 'Add a value' }).click();
    }
    await page.getByLabel('Name of value 2').fill('Honesty');
    await page.getByLabel('What value 2 means in practice').fill('Every bag names its farm.');
    await page
      .getByLabel('Positioning statement')
      .fill('For home baristas, Fjord is the roaster that ships beans the day they are roasted.');
    await checkPage(page, 'onboarding-step-5');
    await page.getByRole('button', { name: 'Save and finish' }).click();

    await heading(page, 'Fjord Coffee is set up', 2);
    await page.getByText('5 of 5 steps done').waitFor();
    await page.getByText('#1D4E89').waitFor();
    await page.locator('dd').getByText('fjord-mark.png').waitFor();
    await checkPage(page, 'onboarding-done');
    dana.assertNoErrors();
  });

  test('the files page shows the image processed and finds the text file’s words', async () => {
    const { page } = dana;
    await page.getByRole('link', { name: 'See your files' }).click();
    await heading(page, 'Files');
    const grid = page.getByRole('list', { name: 'Files' });
    await grid.getByRole('button', { name: 'fjord-mark.png', exact: true }).waitFor();

    // Processing runs in the background; the page asks again until it is done.
    await page
      .getByRole('list', { name: 'Files' })
      .locator('li', { hasText: 'fjord-mark.png' })
      .locator('img')
      .waitFor({ timeout: 30_000 });
    await grid
      .getByText(/Processing|Waiting to process/)
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    await checkPage(page, 'files');

    await grid.getByRole('button', { name: 'fjord-mark.png', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'fjord-mark.png' });
    await dialog.getByText('Ready', { exact: true }).waitFor();
    await dialog.getByRole('img', { name: 'fjord-mark.png' }).waitFor();
    await dialog.getByRole('textbox', { name: /^Tags/ }).fill('logo, Brand');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await checkPage(page, 'file-preview');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Tag', { exact: true }).fill('logo');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/tag=logo/);
    await grid.getByRole('button', { name: 'fjord-mark.png', exact: true }).waitFor();
    // The tag filter leaves the text file out.
    await grid.getByRole('button', { name: textFile.name, exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel('Type').selectOption('text');
    await page.getByRole('heading', { name: 'No files match' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await grid.getByRole('button', { name: textFile.name, exact: true }).waitFor();

    // The text is searchable once its passages are indexed: search again until they are.
    await page.getByRole('searchbox', { name: 'Search inside your files' }).fill(secret);
    const results = page.getByRole('region', { name: `Results for “${secret}”` });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await results
        .getByText(/passage|No passage matches/)
        .first()
        .waitFor();
      if ((await results.locator('mark').count()) > 0) break;
      assert.ok(Date.now() < deadline, 'the text file’s words were not found within 30 s');
      await page.waitForTimeout(1000);
    }
    await results.locator('mark', { hasText: secret }).first().waitFor();
    await results.getByRole('button', { name: textFile.name }).waitFor();
    await checkPage(page, 'files-search');
    dana.assertNoErrors();
  });

  test('the billing page says billing is off on a self-hosted instance; Stripe’s return links land on it', async () => {
    const { page } = dana;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Billing' }).click();
    await page.waitForURL('**/app/settings/billing');
    await page.getByText('Billing is off on this self-hosted instance').first().waitFor();
    await page.getByRole('heading', { name: 'Plans' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Choose / }).count(), 0, 'nothing to buy');
    assert.equal(await page.getByRole('button', { name: 'Manage billing' }).count(), 0);
    await page.getByText('1 · unlimited').waitFor();
    await checkPage(page, 'billing-off');

    await page.goto('/settings/billing?checkout=cancelled');
    await page.waitForURL('**/app/settings/billing?checkout=cancelled');
    await page.getByText('Checkout was cancelled').waitFor();

    // The API says the same when asked to sell anyway.
    const answer = await page.evaluate(async () => {
      const session = JSON.parse(localStorage.getItem('brandauto.session'));
      const response = await fetch('/api/v1/subscriptions/create-session', {
        method: 'POST',
        headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ plan: 'pro' }),
      });
      return { status: response.status, body: await response.json() };
    });
    assert.equal(answer.status, 409);
    assert.match(answer.body.detail, /Billing is off on this self-hosted instance/);

    await page.goto('/app');
    await page.getByRole('region', { name: 'Brand setup' }).getByText('All five steps done').waitFor();
    await checkPage(page, 'dashboard-setup-done');
    dana.assertNoErrors();
  });

  test('another customer sees none of these files', async () => {
    const eli = await newUser(browser);
    try {
      const { page } = eli;
      await signUp(page, stranger);
      await page.goto('/app/files');
      await page.getByRole('heading', { name: 'No files yet' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search inside your files' }).fill(secret);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('No passage matches.').waitFor();
      eli.assertNoErrors();
    } finally {
      await eli.close();
    }
  });
});
