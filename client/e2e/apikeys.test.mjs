// An admin gives a script access to the workspace: an API key made under Settings with one permission, its secret
// shown once and copied, used from outside the browser (reads pass, writes are refused), then revoked, after which the
// script is refused within seconds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, checkPage, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Ines Integrator', email: uniqueEmail('ines'), company: 'Harbour Coffee' };

let browser;
let ines;

/** The API as a script would call it: no browser, the key in X-Api-Key. */
function asScript(secret, method, path, body) {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'X-Api-Key': secret, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('api keys', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    ines = await newUser(browser);
    await ines.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await signUp(ines.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('a read-only key: made with its secret shown once, reads but cannot write, revoked with a confirmation', async () => {
    const { page } = ines;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click();
    await page.waitForURL('**/app/settings/api-keys');
    await page.getByText('No API keys yet').waitFor();
    await checkPage(page, 'settings-api-keys-empty');

    // Nothing chosen and no name: the form says what is missing before anything is sent.
    await page.getByRole('checkbox', { name: /Read content/ }).uncheck();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Give the key a name, e.g. the tool that will use it.').waitFor();
    await page.getByText('Choose at least one thing the key may do.').waitFor();

    await page.getByLabel('Name').fill('Reporting script');
    await page.getByRole('checkbox', { name: /Read content/ }).check();
    await page.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    await page.getByRole('button', { name: 'Create key' }).click();
    const field = page.getByLabel('Your new API key');
    await field.waitFor();
    const secret = await field.inputValue();
    assert.match(secret, /^ba_live_[0-9A-Za-z]{43}$/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await checkPage(page, 'settings-api-keys-created');

    // The script reads the workspace with the key, and is refused what the key does not allow.
    const brands = await asScript(secret, 'GET', '/api/v1/companies');
    assert.equal(brands.status, 200);
    const write = await asScript(secret, 'POST', '/api/v1/companies', { name: 'Not allowed' });
    assert.equal(write.status, 403);
    assert.match((await write.json()).detail, /Write content/);
    assert.equal((await asScript(secret, 'GET', '/api/v1/api-keys')).status, 403, 'a key never manages keys');

    // Once closed, the secret is gone from the page for good; the list shows only its start.
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await field.waitFor({ state: 'detached' });
    const list = page.getByRole('list', { name: 'API keys' });
    await list.getByRole('button', { name: 'Revoke Reporting script' }).waitFor();
    await list.getByText(/Read content/).waitFor();
    assert.ok(!(await page.content()).includes(secret.slice(12)), 'the secret is no longer in the page');
    await checkPage(page, 'settings-api-keys-list');

    await list.getByRole('button', { name: 'Revoke Reporting script' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “Reporting script”?' });
    await confirm.getByText('Everything that uses this key stops working within a few seconds.').waitFor();
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await list.getByText('Revoked', { exact: true }).waitFor();

    let status = 0;
    const deadline = Date.now() + 5_000;
    do {
      status = (await asScript(secret, 'GET', '/api/v1/companies')).status;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 200));
    } while (status !== 401 && Date.now() < deadline);
    assert.equal(status, 401, 'the revoked key is refused within five seconds');
    ines.assertNoErrors();
  });
});
