// The customer journeys of the pages that exist so far, in order: each step builds on the one before.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertAccessible,
  baseUrl,
  checkPage,
  heading,
  invitationLink,
  launchBrowser,
  mobile,
  newUser,
  password,
  signUp,
  uniqueEmail,
} from './support.mjs';

const admin = { name: 'Ada Admin', email: uniqueEmail('ada'), company: 'Northwind Outfitters' };
const teammate = { name: 'Ben Editor', email: uniqueEmail('ben') };
const stranger = { name: 'Cleo Stranger', email: uniqueEmail('cleo'), company: 'Contoso Coffee' };
const brand = { name: 'Northwind Trail', industry: 'Outdoor apparel', website: 'https://northwind.example' };

let browser;
let ada;
let brandPath;

describe('journeys', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    ada = await newUser(browser);
  });

  after(async () => {
    await browser?.close();
  });

  test('the landing page tells the story; pricing shows only when the API has plans', async () => {
    const { page } = ada;
    const plans = await page.request.get(`${baseUrl}/api/v1/subscriptions/plans`);
    await page.goto('/');
    await heading(page, /Your brand, on autopilot/);
    await page.waitForLoadState('networkidle');
    const pricing = await page.locator('#pricing').count();
    if (plans.status() === 404)
      assert.equal(pricing, 0, 'the pricing section should hide itself while there is no plans endpoint');
    else assert.equal(pricing, 1, 'the pricing section should show the plans');
    await checkPage(page, 'landing');
    ada.assertNoErrors();
  });

  test('sign-up puts the server’s validation error on the field it names, then lands in the app', async () => {
    const { page } = ada;
    await page.getByRole('link', { name: 'Start free' }).click();
    await heading(page, 'Create your account');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Company name').fill(admin.company);
    await page.getByLabel('Work e-mail').fill(admin.email);
    // Long enough for the browser's check, refused by the server's list of common passwords.
    await page.getByLabel('Password').fill('password1234');
    await page.getByRole('button', { name: 'Create account' }).click();

    const field = page.getByLabel('Password');
    await page.getByText('This password is too common').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const description = await field.evaluate(
      (input) => document.getElementById(input.getAttribute('aria-describedby'))?.textContent,
    );
    assert.match(description ?? '', /too common/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'password', 'focus moves to the field');
    await checkPage(page, 'sign-up-server-error');

    await field.fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/app');
    await heading(page, /Good (morning|afternoon|evening), Ada/);
    await page.getByText('0 of 3 done').waitFor();
    await checkPage(page, 'dashboard');
    ada.assertNoErrors();
  });

  test('an admin creates a brand and opens it', async () => {
    const { page } = ada;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
    await heading(page, 'Brands');
    await page.getByRole('heading', { name: 'No brands yet' }).waitFor();
    await checkPage(page, 'brands-empty');

    await page.getByRole('button', { name: 'Add brand' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a brand' });
    await dialog.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'name',
      'the dialog focuses its first field',
    );
    await dialog.getByLabel('Brand name').fill(brand.name);
    await dialog.getByLabel('Industry').fill(brand.industry);
    await dialog.getByLabel('Website').fill(brand.website);
    await dialog.getByLabel('Description').fill('Trail running gear made to last, for people who run far from roads.');
    await checkPage(page, 'brand-dialog');
    await dialog.getByRole('button', { name: 'Add brand' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${brand.name} was added.`).waitFor();

    await page.getByRole('link', { name: brand.name }).click();
    await page.waitForURL(/\/app\/brands\/[0-9a-f-]{36}$/);
    brandPath = new URL(page.url()).pathname;
    await heading(page, brand.name);
    await page.getByText('northwind.example').waitFor();
    await checkPage(page, 'brand-detail');
    ada.assertNoErrors();
  });

  test('an admin invites a teammate, who accepts through the e-mailed link', async () => {
    const { page } = ada;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/app/settings/team');
    await page.getByLabel('E-mail address').fill(teammate.email);
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${teammate.email}.`).waitFor();
    await page.getByRole('cell', { name: teammate.email, exact: true }).waitFor();
    await checkPage(page, 'team');

    const link = await invitationLink(teammate.email);
    assert.ok(link.startsWith(baseUrl), `the e-mail links to this instance: ${link}`);
    const ben = await newUser(browser);
    try {
      await ben.page.goto(link);
      await heading(ben.page, 'Join your team');
      // The link says whose workspace it is and with which role before he accepts.
      await ben.page.getByText(new RegExp(`invited ${teammate.email} to join .+ as an editor\\.`, 'i')).waitFor();
      await checkPage(ben.page, 'accept-invite');
      await ben.page.getByLabel('Your name').fill(teammate.name);
      await ben.page.getByLabel('Choose a password').fill(password);
      await ben.page.getByRole('button', { name: 'Accept invitation' }).click();
      await ben.page.waitForURL('**/app');
      await heading(ben.page, /Ben/);
      // He works in Ada's workspace, with its brand, as an editor.
      await ben.page.getByRole('link', { name: brand.name }).waitFor();
      await ben.page.getByText('Editor').first().waitFor();
      ben.assertNoErrors();
    } finally {
      await ben.close();
    }

    await page.reload();
    await page.locator('#main').getByText(teammate.name).first().waitFor();
    await page.getByText('No pending invitations').waitFor();
    await page.getByLabel(`Role of ${teammate.name}`).selectOption('viewer');
    await page.getByText(`${teammate.name} is now viewer.`).waitFor();
    ada.assertNoErrors();
  });

  test('signing out ends the session; signing in again returns to the page asked for', async () => {
    const { page } = ada;
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in?reason=signed-out');
    await page.getByText('You are signed out.').waitFor();
    await checkPage(page, 'sign-in');

    await page.goto('/app/brands');
    await page.waitForURL(/\/sign-in\?next=%2Fapp%2Fbrands/);
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The e-mail or password is not correct.').waitFor();
    await checkPage(page, 'sign-in-wrong-password');

    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL('**/app/brands');
    await page.getByRole('link', { name: brand.name }).waitFor();

    await page.goto('/app/settings/sessions');
    await page.getByText('This device', { exact: true }).waitFor();
    await checkPage(page, 'sessions');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('Invitation accepted').first().waitFor();
    await page.getByText('Sign-in failed').first().waitFor();
    await checkPage(page, 'audit-log');
    ada.assertNoErrors();
  });

  test('a second customer sees none of the first one’s data', async () => {
    const cleo = await newUser(browser);
    try {
      const { page } = cleo;
      await signUp(page, stranger);
      await page.goto('/app/brands');
      await page.getByRole('heading', { name: 'No brands yet' }).waitFor();
      assert.equal(await page.getByText(brand.name).count(), 0);

      await page.goto(brandPath);
      await heading(page, 'Brand not found');

      await page.goto('/app/settings/team');
      await page.locator('#main').getByText(stranger.email).waitFor();
      assert.equal(await page.getByText(admin.email).count(), 0);
      assert.equal(await page.getByText(teammate.email).count(), 0);

      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
      await page.getByText('Signed up').first().waitFor();
      assert.equal(await page.getByText('Invitation sent').count(), 0);

      await page.getByRole('button', { name: /switch workspace/ }).click();
      const workspaces = page.getByRole('region', { name: 'Workspaces' });
      await workspaces.getByRole('button', { name: new RegExp(stranger.company) }).waitFor();
      assert.equal(await workspaces.getByText(admin.company).count(), 0);

      // And the API itself answers 404 for Ada's brand with Cleo's token.
      const status = await page.evaluate(async (path) => {
        const session = JSON.parse(localStorage.getItem('brandauto.session'));
        const id = path.split('/').pop();
        const response = await fetch(`/api/v1/companies/${id}`, {
          headers: { Authorization: `Bearer ${session.accessToken}` },
        });
        return response.status;
      }, brandPath);
      assert.equal(status, 404);
      cleo.assertNoErrors();
    } finally {
      await cleo.close();
    }
  });

  test('a lost connection shows a retry, not a blank page', async () => {
    const { page, context } = ada;
    ada.allowConsoleErrors(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/);

    await page.route('**/api/v1/companies', (route) => route.abort('internetdisconnected'));
    await page.goto('/app/brands');
    await page.getByRole('heading', { name: 'You seem to be offline' }).waitFor({ timeout: 15_000 });
    await checkPage(page, 'brands-offline');
    await page.unroute('**/api/v1/companies');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('link', { name: brand.name }).waitFor();
    await checkPage(page, 'brands');

    // A page whose code cannot download says so, inside the app's frame.
    await page.route('**/assets/SessionsPage-*.js', (route) => route.abort('internetdisconnected'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    // The menu closes when a navigation ends: open it only once the dashboard is there.
    await heading(page, /, Ada$/);
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await page.getByRole('heading', { name: 'This page could not load' }).waitFor();
    assert.ok(await page.getByRole('navigation', { name: 'Main' }).isVisible(), 'the navigation stays');
    await checkPage(page, 'page-offline');
    await page.unroute('**/assets/SessionsPage-*.js');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('This device', { exact: true }).waitFor();

    await context.setOffline(true);
    await page.getByText('You are offline.').waitFor();
    await context.setOffline(false);
    await page.getByText('You are offline.').waitFor({ state: 'detached' });
    ada.assertNoErrors();
  });

  test('an admin creates a second workspace and switches between them', async () => {
    const { page } = ada;
    await page.goto('/app');
    await page.getByRole('button', { name: /switch workspace/ }).click();
    await page.getByRole('button', { name: 'Create a workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.getByLabel('Workspace name').fill('Northwind Labs');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Created Northwind Labs.').waitFor();
    await page
      .getByRole('heading', { name: /Here is what is happening in Northwind Labs/ })
      .or(page.getByText('in Northwind Labs.'))
      .first()
      .waitFor();
    await page.goto('/app/brands');
    await page.getByRole('heading', { name: 'No brands yet' }).waitFor();

    await page.getByRole('button', { name: /switch workspace/ }).click();
    await page
      .getByRole('region', { name: 'Workspaces' })
      .getByRole('button', { name: new RegExp(admin.company) })
      .click();
    await page.getByText(`Switched to ${admin.company}.`).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
    await page.getByRole('link', { name: brand.name }).waitFor();
    ada.assertNoErrors();
  });

  test('on a phone the navigation opens as a drawer; the keyboard reaches everything', async () => {
    const { page } = ada;
    await page.setViewportSize(mobile);
    await page.goto('/app');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const drawer = page.getByRole('dialog', { name: 'Navigation' });
    await drawer.waitFor();
    await assertAccessible(page, 'navigation drawer');
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? '../artifacts/screenshots'}/navigation-drawer-375.png` });
    await drawer.getByRole('link', { name: 'Brands' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await heading(page, 'Brands');

    // Skip link first, then straight into the page.
    await page.goto('/app/settings/team');
    await page.getByRole('heading', { name: 'Members (2)' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

    await page.goto('/no-such-page');
    await heading(page, 'Page not found');
    await checkPage(page, 'not-found');
    ada.assertNoErrors();
  });
});
