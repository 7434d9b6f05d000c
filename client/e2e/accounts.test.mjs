// Accounts people can recover and protect: the e-mailed confirmation link, "Forgot password?" through the e-mailed
// reset link (after which every earlier session is refused and the link is dead), and a password change in Account
// settings that signs out the other devices and keeps this one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accountLink, baseUrl, checkPage, launchBrowser, mobile, newUser, password, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Iris Keeper', email: uniqueEmail('iris'), company: 'Harbour Tea Rooms' };
const resetPassword = 'lantern river copper 77';
const changedPassword = 'quiet meadow lighthouse 19';

let browser;
let laptop;
let phone;

/** The refresh token the SPA of `page` keeps. */
const refreshTokenOf = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session') ?? 'null')?.refreshToken);

/** What the API answers to a refresh with `token`: 200 while its session lives, 401 once it has ended. */
async function refreshStatus(token) {
  const response = await fetch(`${baseUrl}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: token }),
  });
  return response.status;
}

async function signIn(page, secret) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/app');
}

describe('accounts', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    laptop = await newUser(browser);
    phone = await newUser(browser, mobile);
    await signUp(laptop.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('the address is confirmed through the link e-mailed at sign-up', async () => {
    const { page } = laptop;
    await page.goto('/app/settings/account');
    await page.getByRole('heading', { name: 'E-mail address' }).waitFor();
    await page.getByText('Not confirmed yet').waitFor();
    await checkPage(page, 'settings-account-unconfirmed');

    await page.goto(await accountLink(owner.email, '/verify-email'));
    await page.getByText('Your address is confirmed').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    await checkPage(page, 'verify-email');

    await page.getByRole('link', { name: 'Go to your workspace' }).click();
    await page.goto('/app/settings/account');
    await page.getByText('Confirmed', { exact: true }).waitFor();
    laptop.assertNoErrors();
  });

  test('forgot password: the e-mailed link sets a new password once and every earlier session is refused', async () => {
    const { page } = phone;
    const laptopToken = await refreshTokenOf(laptop.page);
    assert.equal(await refreshStatus(laptopToken), 200);
    const laptopSession = await refreshTokenOf(laptop.page);

    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await checkPage(page, 'forgot-password');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await page.getByText(`If an account uses ${owner.email}`).waitFor();
    await checkPage(page, 'forgot-password-sent');

    const link = await accountLink(owner.email, '/reset-password');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await checkPage(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill(resetPassword);
    await page.getByLabel('New password, again').fill(resetPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.waitForURL('**/sign-in?reason=password-reset');
    await page.getByText('Your new password is set').waitFor();
    await checkPage(page, 'sign-in-after-reset');

    assert.equal(await refreshStatus(laptopSession), 401, 'the session opened before the reset is over');

    // The same link a second time: refused, with a way to ask for another.
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill('another new passphrase 5');
    await page.getByLabel('New password, again').fill('another new passphrase 5');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('This link has expired or was already used').waitFor();
    await checkPage(page, 'reset-password-used');

    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The e-mail or password is not correct.').waitFor();
    await signIn(page, resetPassword);
    phone.assertNoErrors();
  });

  test('changing the password in Account settings signs out the other devices and keeps this one', async () => {
    // A desk computer signs in with the reset password; the phone is the other device.
    const desk = await newUser(browser);
    await signIn(desk.page, resetPassword);
    const phoneSession = await refreshTokenOf(phone.page);
    const { page } = desk;

    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('link', { name: 'Account and password' }).click();
    await page.waitForURL('**/app/settings/account');
    await page.getByLabel('Current password').fill('not the password at all');
    await page.getByLabel('New password', { exact: true }).fill(changedPassword);
    await page.getByLabel('New password, again').fill(changedPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not correct.').waitFor();
    await checkPage(page, 'settings-account-wrong-password');

    await page.getByLabel('Current password').fill(resetPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed. Every other session was signed out.').waitFor();

    assert.equal(await refreshStatus(phoneSession), 401, 'the phone is signed out');
    assert.equal(await refreshStatus(await refreshTokenOf(page)), 200, 'this device stays signed in');
    desk.assertNoErrors();
  });
});
