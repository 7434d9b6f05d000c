// Connecting a network through the UI: the Connections page asks the API for the authorisation URL, the browser goes
// to the fake LinkedIn (e2e/fakes/oauth.mjs), which consents and sends it back to the API's callback; the API
// exchanges the code with the PKCE verifier and returns the browser to the page, which shows the new connection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const oauthUrl = process.env.E2E_OAUTH_URL;
const owner = { name: 'Ola Owner', email: uniqueEmail('ola'), company: 'Fjord Bakery' };

let browser;
let ola;

describe('social connections', { concurrency: false }, () => {
  before(async () => {
    assert.ok(oauthUrl, 'E2E_OAUTH_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    ola = await newUser(browser);
    const { page } = ola;
    await signUp(page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('the dashboard shows publishing activity and no connection warnings yet', async () => {
    const { page } = ola;
    await page.getByRole('heading', { name: 'Posts per week' }).waitFor();
    await page.getByText('Nothing is scheduled.').waitFor();
    assert.equal(await page.getByText('Connections need attention').count(), 0);
    await checkPage(page, 'dashboard-publishing');
    ola.assertNoErrors();
  });

  test('an admin connects LinkedIn through its authorisation server and comes back to a healthy connection', async () => {
    const { page } = ola;
    await page.getByRole('link', { name: 'Connections' }).first().click();
    await heading(page, 'Connections');
    await page.getByText('No account is connected yet.').waitFor();
    await checkPage(page, 'connections-empty');

    const before = await (await fetch(`${oauthUrl}/__stats`)).json();
    await page.getByRole('button', { name: 'Connect LinkedIn' }).click();
    await page.waitForURL('**/app/automation/connections?connected=linkedIn*');
    await page.getByText('LinkedIn is connected.').waitFor();
    const list = page.getByRole('list', { name: 'Connected accounts' });
    await list.getByText('Ada Admin').waitFor();
    await list.getByText('Healthy').waitFor();
    await page.getByRole('list', { name: 'Profiles' }).getByText('Verified').waitFor();

    // The fake received exactly one code exchange, with the verifier of the challenge it saw.
    const stats = await (await fetch(`${oauthUrl}/__stats`)).json();
    assert.equal(stats.verifiedExchanges - before.verifiedExchanges, 1);
    assert.equal(stats.refused - before.refused, 0);
    // The browser never held a token: none in its storage, none in the address.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href);
    assert.doesNotMatch(stored, /\bat-[0-9a-f-]{36}|\brt-[0-9a-f-]{36}/);
    await checkPage(page, 'connections-connected');
    ola.assertNoErrors();
  });

  test('disconnecting asks first, then removes the connection and keeps the profile unverified', async () => {
    const { page } = ola;
    await page.getByRole('button', { name: 'Disconnect Ada Admin on LinkedIn' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Its tokens are deleted.', { exact: false }).waitFor();
    await checkPage(page, 'connections-disconnect-dialog');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('No account is connected yet.').waitFor();
    await page.getByRole('list', { name: 'Profiles' }).getByText('Not verified').waitFor();
    ola.assertNoErrors();
  });
});
