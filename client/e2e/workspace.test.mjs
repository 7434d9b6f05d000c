// A new workspace's settings and market analysis: the time zone proposed from the browser at sign-up and changed on
// the settings page (times then read in the new zone), the approval rule switched on from the UI (a post then waits
// for approval), networks this server cannot connect shown as unavailable in words, and the market analysis page with
// its history. Runs on its own workspace.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Wren Owner', email: uniqueEmail('workspace'), company: 'Wren & Kettle' };

let browser;
let wren;
let postId;

describe('workspace settings', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    wren = await newUser(browser);
    await signUp(wren.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('the time zone comes from the browser at sign-up and, changed, moves every time shown', async () => {
    const { page } = wren;
    // Planned while the workspace is on London time: 09:00 in London is 18:00 in Tokyo.
    const post = await callApi(page, 'POST', '/api/v1/content', {
      title: 'Winter menu',
      at: '2027-01-05T09:00',
      variants: [{ platform: 'linkedIn', text: 'Our winter menu is here.', mediaAssetIds: [] }],
    });
    postId = post.id;

    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Workspace' }).click();
    await page.getByRole('heading', { level: 2, name: 'Time zone' }).waitFor();
    const zone = page.getByLabel('Workspace time zone');
    assert.equal(await zone.inputValue(), 'Europe/London', 'sign-up took the browser’s zone');
    await checkPage(page, 'workspace-settings');

    await zone.selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.getByText('Times are now shown in Asia/Tokyo.').waitFor();
    const settings = await callApi(page, 'GET', '/api/v1/content/settings');
    assert.equal(settings.timeZone, 'Asia/Tokyo');
    wren.assertNoErrors();
  });

  test('with approval switched on, a post sent for review waits for approval, shown in the new zone', async () => {
    const { page } = wren;
    await page.getByLabel(/Posts need approval/).check();
    await page.getByRole('button', { name: 'Save approval rules' }).click();
    await page.getByText('Posts now need an admin’s approval.').waitFor();
    const settings = await callApi(page, 'GET', '/api/v1/content/settings');
    assert.equal(settings.approvalRequired, true);
    assert.equal(settings.adminsMayApproveOwnPosts, false);

    await callApi(page, 'POST', `/api/v1/content/${postId}/submit`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { level: 3, name: 'Winter menu' }).waitFor();
    await page.getByText('In review', { exact: true }).first().waitFor();
    await page.getByText(/Planned for .*18:00/).waitFor();
    await checkPage(page, 'approvals-waiting');
    wren.assertNoErrors();
  });

  test('networks this server cannot connect are shown as unavailable, with the reason in words for admins', async () => {
    const { page } = wren;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
    await heading(page, 'Connections');
    await page.getByRole('button', { name: 'Connect LinkedIn' }).waitFor();
    const unavailable = page.getByRole('list', { name: 'Networks not available on this server' });
    await unavailable.getByText('Instagram', { exact: true }).waitFor();
    await unavailable.getByText(/Whoever runs the server has to register an app with Instagram/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Connect Instagram' }).count(), 0);
    await checkPage(page, 'connections-unavailable');
    wren.assertNoErrors();
  });

  test('the market analysis page runs an analysis and keeps its history', async () => {
    const { page } = wren;
    await callApi(page, 'POST', '/api/v1/companies', {
      name: 'Wren & Kettle',
      industry: 'Food & Beverage',
      description: 'A tea room and bakery in York, baking through the night for breakfast guests.',
    });
    // The brand was made behind the app's back, as another tab would: the app's list of brands is fresh for 30 s.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Market analysis' }).click();
    await heading(page, 'Market analysis');
    await page.getByRole('heading', { name: 'No analysis yet' }).waitFor();
    await page.getByRole('button', { name: 'Analyse the market' }).click();
    await page.getByRole('heading', { level: 2, name: 'Market analysis' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Focus').fill('breakfast in York');
    await page.getByRole('button', { name: 'Analyse the market' }).click();
    await page.getByRole('heading', { level: 2, name: 'Analysis: breakfast in York' }).waitFor({ timeout: 30_000 });
    const history = page.getByRole('navigation', { name: 'History' });
    assert.equal(await history.getByRole('button').count(), 2);
    await page.getByRole('heading', { level: 3, name: 'Competitors' }).waitFor();
    await checkPage(page, 'market-analysis');

    await history.getByRole('button').nth(1).click();
    await page.getByRole('heading', { level: 2, name: 'Market analysis', exact: true }).waitFor();
    wren.assertNoErrors();
  });
});
