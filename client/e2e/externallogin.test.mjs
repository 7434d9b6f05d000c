// Sign in with Google and with LinkedIn against local OpenID Connect providers (e2e/fakes/oidc.mjs: discovery, JWKS,
// id_token signed RS256): a new address signs up; an address that already has an account is refused until its
// signed-in owner connects the provider in Account settings, after which it signs in with it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, launchBrowser, mobile, newUser, signUp, uniqueEmail } from './support.mjs';

let browser;

/** Plays the person at the provider's consent page. */
async function consent(page, email, name) {
  await page.getByRole('heading', { name: /test provider/ }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Allow' }).click();
}

/** Waits for the app; when the callback page stays, fails with what it says. */
async function arrivedInApp(page) {
  try {
    await page.waitForURL('**/app');
  } catch {
    throw new Error(`stayed on ${page.url()}: ${await page.locator('body').innerText()}`);
  }
}

describe('sign in with Google or LinkedIn', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test('a new address signs up with Google and signs in with it again', async () => {
    const visitor = await newUser(browser, mobile);
    const { page } = visitor;
    const email = uniqueEmail('gina');
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Continue with Google' }).waitFor();
    await page.getByRole('button', { name: 'Continue with LinkedIn' }).waitFor();
    await checkPage(page, 'sign-in-providers');
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await consent(page, email, 'Gina Fielding');
    await arrivedInApp(page);

    await page.goto('/app/settings/account');
    await page.getByRole('heading', { name: 'Sign in with another account' }).waitFor();
    await page.getByText('Your account has no password').waitFor();
    await checkPage(page, 'settings-account-connected');

    const again = await newUser(browser);
    await again.page.goto('/sign-in');
    await again.page.getByRole('button', { name: 'Continue with Google' }).click();
    await consent(again.page, email, 'Gina Fielding');
    await arrivedInApp(again.page);
    visitor.assertNoErrors();
    again.assertNoErrors();
    await visitor.close();
    await again.close();
  });

  test('LinkedIn never takes over an account: its owner connects it first, then signs in with it', async () => {
    const owner = { name: 'Lena Morrow', email: uniqueEmail('lena'), company: 'Morrow Ceramics' };
    const laptop = await newUser(browser);
    await signUp(laptop.page, owner);

    const other = await newUser(browser);
    const { page } = other;
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Continue with LinkedIn' }).click();
    await consent(page, owner.email, owner.name);
    await page.getByText(`An account already uses ${owner.email}`).waitFor();
    await checkPage(page, 'sign-in-provider-refused');

    await laptop.page.goto('/app/settings/account');
    await laptop.page.getByRole('button', { name: 'Connect LinkedIn' }).click();
    await consent(laptop.page, owner.email, owner.name);
    await laptop.page.waitForURL('**/app/settings/account?connected=1');
    await laptop.page.getByRole('button', { name: 'Disconnect LinkedIn' }).waitFor();

    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Continue with LinkedIn' }).click();
    await consent(page, owner.email, owner.name);
    await arrivedInApp(page);
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session') ?? 'null'));
    assert.equal(session.user.email, owner.email);
    laptop.assertNoErrors();
  });
});
