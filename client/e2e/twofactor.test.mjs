// Two-step verification: set up with the QR code's key and a code computed here (RFC 6238 with node:crypto, written
// apart from the API's own), recovery codes shown once, sign-in asking for the code, a recovery code that signs in
// once and is refused afterwards, and the workspace rule an admin sets.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { baseUrl, checkPage, launchBrowser, mobile, newUser, password, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Tomas Warden', email: uniqueEmail('tomas'), company: 'Lighthouse Bakery' };

let browser;
let laptop;
let key;
/** Milliseconds to add to this process's clock to read the API's (E2E_CLOCK pins the API's; this one runs free). */
let apiClockOffset = 0;
/** The last time step whose code the API accepted: it never accepts that step, or an earlier one, again. */
let lastStep = -1;

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.replace(/[\s=]/g, '').toUpperCase()]
    .map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  return Buffer.from(Array.from({ length: Math.floor(bits.length / 8) }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
}

/** RFC 6238: HMAC-SHA1 over the big-endian 30-second step, dynamic truncation, 6 digits. */
function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const hash = createHmac('sha1', secret).update(counter).digest();
  const offset = hash[hash.length - 1] & 0xf;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A code for a step the API has not accepted yet, waiting for the next step when needed (and away from its edges). */
async function nextCode() {
  for (;;) {
    const now = Date.now() + apiClockOffset;
    const step = Math.floor(now / 30_000);
    const intoStep = now % 30_000;
    if (step > lastStep && intoStep > 2_000 && intoStep < 27_000) {
      lastStep = step;
      return totp(base32(key), step);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Reads the API's clock from a session it opens now: its start, against this process's clock around the call. */
/** A code the API accepts for none of the steps around now. */
function wrongCode() {
  const step = Math.floor((Date.now() + apiClockOffset) / 30_000);
  const right = new Set([-2, -1, 0, 1, 2].map((d) => totp(base32(key), step + d)));
  return ['000000', '111111', '222222', '333333', '444444', '555555'].find((c) => !right.has(c));
}

async function measureApiClock() {
  const before = Date.now();
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password }),
  });
  const after = Date.now();
  assert.equal(login.status, 200);
  const { accessToken } = await login.json();
  const sessions = await (
    await fetch(`${baseUrl}/api/v1/auth/sessions`, { headers: { Authorization: `Bearer ${accessToken}` } })
  ).json();
  const started = Math.max(...sessions.map((s) => Date.parse(s.startedAt)));
  apiClockOffset = started - (before + after) / 2;
}

async function startSignIn(page) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
}

describe('two-step verification', { concurrency: false }, () => {
  let recoveryCodes;

  before(async () => {
    browser = await launchBrowser();
    laptop = await newUser(browser);
    await signUp(laptop.page, owner);
    await measureApiClock();
  });

  after(async () => {
    await browser?.close();
  });

  test('set up with the key and a code from the app; the recovery codes are shown once', async () => {
    const { page } = laptop;
    await page.goto('/app/settings/account');
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    key = (await page.getByTestId('authenticator-key').innerText()).trim();
    assert.match(key.replace(/\s/g, ''), /^[a-z2-7]{32}$/);
    await checkPage(page, 'settings-two-factor-setup');

    await page.getByLabel('Code from the app').fill(wrongCode());
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await page.getByText('This code is not correct, or was already used.').waitFor();

    await page.getByLabel('Code from the app').fill(await nextCode());
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    const list = page.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    recoveryCodes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
    assert.equal(recoveryCodes.length, 10);
    await checkPage(page, 'settings-two-factor-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 recovery codes left').waitFor();
    await checkPage(page, 'settings-two-factor-on');
    laptop.assertNoErrors();
  });

  test('sign-in asks for the code from the app', async () => {
    const phone = await newUser(browser, mobile);
    const { page } = phone;
    await startSignIn(page);
    await checkPage(page, 'sign-in-two-factor');
    await page.getByLabel('Authentication code').fill('12345');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('Enter the 6 digits your authenticator app shows.').waitFor();

    await page.getByLabel('Authentication code').fill(await nextCode());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL('**/app');
    phone.assertNoErrors();
    await phone.close();
  });

  test('a recovery code signs in once and is refused afterwards', async () => {
    const desk = await newUser(browser);
    await startSignIn(desk.page);
    await desk.page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await desk.page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await desk.page.getByRole('button', { name: 'Verify and sign in' }).click();
    await desk.page.waitForURL('**/app');
    desk.assertNoErrors();

    const stranger = await newUser(browser);
    const { page } = stranger;
    await startSignIn(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('This recovery code is not correct, or was already used.').waitFor();
    await checkPage(page, 'sign-in-recovery-code-used');
    assert.match(page.url(), /\/sign-in/);

    await laptop.page.goto('/app/settings/account');
    await laptop.page.getByText('9 recovery codes left').waitFor();
    await desk.close();
    await stranger.close();
  });

  test('an admin requires two-step verification for the whole workspace', async () => {
    const { page } = laptop;
    await page.goto('/app/settings/workspace');
    const rule = page.getByLabel('Require two-step verification for every member');
    await rule.check();
    await page.getByRole('region', { name: 'Two-step verification' }).getByRole('button', { name: 'Save' }).click();
    await page.getByText('Every member now signs in with two-step verification.').waitFor();
    await checkPage(page, 'settings-workspace-two-factor');

    await page.goto('/app/settings/audit-log');
    await page.getByText('Two-step verification turned on').first().waitFor();
    await page.getByText('Recovery code used').first().waitFor();
    await page.getByText('Verification code refused').first().waitFor();
    laptop.assertNoErrors();
  });
});
