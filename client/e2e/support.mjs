// What the journeys share: the browser, per-user contexts, the accessibility check and screenshots at two widths,
// and reading the e-mail outbox the API writes in Development.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5080';
const dataDir = process.env.E2E_DATA_DIR;
const screenshotDir = process.env.E2E_SCREENSHOTS ?? path.resolve('..', 'artifacts', 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The moment the journeys' "now" starts at, when pinned: an instant with its offset, such as 2026-12-31T23:30:00+01:00.
 * run.mjs gives the same instant to the API, so both clocks agree whatever the real date is.
 */
export const pinnedClock = process.env.E2E_CLOCK ? new Date(process.env.E2E_CLOCK) : null;

/**
 * The pinned clock as the APIs read it now: E2E_CLOCK plus the time since run.mjs started the journeys (the APIs started
 * at E2E_CLOCK a little earlier, so a browser is at most those seconds behind them, never minutes).
 */
export function pinnedClockNow() {
  const setAt = Number(process.env.E2E_CLOCK_SET_AT);
  return new Date(pinnedClock.getTime() + (Number.isFinite(setAt) && setAt > 0 ? Math.max(0, Date.now() - setAt) : 0));
}
if (pinnedClock && Number.isNaN(pinnedClock.getTime()))
  throw new Error(`E2E_CLOCK="${process.env.E2E_CLOCK}" is not an instant.`);

export const desktop = { width: 1440, height: 900 };
export const mobile = { width: 375, height: 812 };

/**
 * Debian's Chromium, headless. Playwright gives each launch a fresh temporary --user-data-dir; the flags keep
 * Chromium from calling home (sync, component updates, QUIC), which on a closed network only floods refusals.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// Chromium logs every 4xx answer as a console error; the journeys provoke some on purpose (a refused password,
// another tenant's brand, the plans endpoint that a later issue adds) and check what the page shows instead.
// Script errors, 5xx answers and CSP violations still fail the journey.
const expectedConsoleErrors = [/^Failed to load resource: the server responded with a status of 4\d\d/];

/**
 * A person with their own browser profile (storage, tokens, locale). Console errors and page crashes are collected.
 * `instance` is the API they use: this run's main one unless a journey needs another (billing-instance.mjs).
 */
export async function newUser(browser, viewport = desktop, { instance = baseUrl, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ viewport, baseURL: instance, locale, timezoneId: 'Europe/London' });
  // Generous for a shared machine: a step that waits longer than this is broken, not slow (at load 30 on two cores a
  // sign-up once took over 10 s).
  context.setDefaultTimeout(20_000);
  // The browser's clock starts where the API's does (E2E_CLOCK, given to the API as Testing:ClockStart) and runs on.
  if (pinnedClock) await context.clock.install({ time: pinnedClockNow() });
  // A Content-Security-Policy violation is a failure: logged as a console error, so that assertNoErrors reports it.
  // Added through the DevTools protocol, which the page's policy does not govern.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // axe-core, injected by these journeys, probes eval once on load; only the app's own scripts count for eval.
      if (event.blockedURI === 'eval' && !event.sourceFile.startsWith(location.origin)) return;
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline content'} (${event.sourceFile})`,
      );
    });
  });
  const page = await context.newPage();
  const problems = [];
  const allowed = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location()?.url ?? '';
    if (expectedConsoleErrors.some((pattern) => pattern.test(text))) return;
    if (allowed.some((pattern) => pattern.test(text))) return;
    problems.push(`console error: ${text} (${url})`);
  });
  return {
    context,
    page,
    /** Console errors a journey provokes on purpose (a request it blocks). */
    allowConsoleErrors(pattern) {
      allowed.push(pattern);
    },
    /** Fails when the page logged an error or crashed since the last call. */
    assertNoErrors() {
      const found = problems.splice(0);
      assert.deepEqual(found, [], 'the page logged errors');
    },
    async close() {
      await context.close();
    },
  };
}

/** Runs axe-core in the page: no serious or critical violation allowed. */
export async function assertAccessible(page, name) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (rightly) refuses inline scripts.
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  assert.equal(blocking.length, 0, `axe found serious or critical violations on ${name}:\n  ${report.join('\n  ')}`);
}

/**
 * The page at 1440 and 375 pixels wide: screenshots of both, axe-core on both, and no horizontal scrolling
 * on the narrow one. Leaves the viewport as it found it.
 */
export async function checkPage(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await assertNoRawCodes(page, name);
  await assertImagesLoad(page, name);
  const original = page.viewportSize();
  for (const viewport of [desktop, mobile]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    await assertAccessible(page, `${name} at ${viewport.width}px`);
    if (viewport === mobile) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at 375px`);
    }
    await page.screenshot({
      path: path.join(screenshotDir, `${name}-${viewport.width}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  if (original) await page.setViewportSize(original);
}

// Words, not codes: an enum value or identifier ("waitingForUser") or a setting's name ("Publishing:LinkedIn:ClientId",
// "Email__PublicBaseUrl") on screen means a label or a message is missing. Brand names in camel case are words.
const camelCase = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;
const settingKey = /\b[A-Z][A-Za-z0-9]+(?::[A-Z][A-Za-z0-9]+)+\b|\b[A-Za-z0-9]+__[A-Za-z0-9_]+\b/;
const wordsInCamelCase = new Set(['iPhone', 'iPad', 'iOS', 'macOS', 'eBay', 'iCloud', 'iCal']);

/**
 * Fails when the visible text (screen-reader text included; code samples, handles and form values left out) shows a
 * camelCase identifier or a configuration key.
 */
export async function assertNoRawCodes(page, name) {
  const text = await page.evaluate(() => {
    let all = document.body.innerText;
    for (const element of document.querySelectorAll('code, kbd, pre, samp, textarea, [contenteditable="true"]')) {
      const inner = element.innerText;
      if (inner) all = all.split(inner).join(' ');
    }
    return all;
  });
  const found = new Set();
  for (const line of text.split('\n')) {
    const key = settingKey.exec(line);
    if (key) found.add(key[0]);
    for (const raw of line.split(/\s+/)) {
      // Addresses, links and handles are not words.
      if (/[@/]|\.\w/.test(raw)) continue;
      const token = raw.replace(/^[^A-Za-z]+|[^A-Za-z0-9]+$/g, '');
      if (camelCase.test(token) && !wordsInCamelCase.has(token)) found.add(token);
    }
  }
  assert.deepEqual([...found], [], `${name} shows codes instead of words`);
}

/** Fails when an image on the page did not load (naturalWidth 0): a broken link or one the page's policy blocked. */
export async function assertImagesLoad(page, name) {
  // Waits inside the page (waitForFunction would compile its predicate there, which the page's policy refuses).
  const broken = await page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = 'eager';
    await Promise.all(
      images.map((img) =>
        img.complete
          ? null
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
              setTimeout(resolve, 15_000);
            }),
      ),
    );
    return images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.currentSrc || img.src);
  });
  assert.deepEqual(broken, [], `${name} has images that did not load`);
}

/** A unique address per run, so the journeys can run against a database that is not empty. */
export function uniqueEmail(name) {
  return `${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

export const password = 'correct horse battery staple 42';

function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** The newest link matching `pattern` in an e-mail to `to`, from the API's outbox (.eml files). */
export async function emailLink(to, pattern, timeoutMs = 20_000) {
  assert.ok(dataDir, 'E2E_DATA_DIR is not set: run the journeys through e2e/run.mjs');
  const outbox = path.join(dataDir, 'outbox');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let files = [];
    try {
      files = readdirSync(outbox)
        .filter((file) => file.endsWith('.eml'))
        .map((file) => path.join(outbox, file))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    } catch {
      // The outbox folder appears with the first e-mail.
    }
    for (const file of files) {
      const raw = readFileSync(file, 'utf8');
      const message = /Content-Transfer-Encoding:\s*quoted-printable/i.test(raw) ? decodeQuotedPrintable(raw) : raw;
      if (!message.toLowerCase().includes(to.toLowerCase())) continue;
      const link = message.match(pattern);
      if (link) return link[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No e-mail to ${to} with a link like ${pattern} arrived in ${outbox}.`);
}

/** The accept link of the newest invitation e-mail sent to `to`. */
export function invitationLink(to, timeoutMs = 10_000) {
  return emailLink(to, /https?:\/\/[^\s"<>]+\/accept-invite\?token=[\w%-]+/, timeoutMs);
}

/** The newest password-reset (`/reset-password`) or confirmation (`/verify-email`) link sent to `to`. */
export function accountLink(to, page) {
  return emailLink(to, new RegExp(`https?://[^\\s"<>]+${page}#user=[\\w-]+&token=[\\w%.-]+`));
}

/** Waits for the page's heading (level 1 unless told). */
export const heading = (page, name, level = 1) => page.getByRole('heading', { level, name }).waitFor();

/** Signs `person` ({ name, company, email }) up through the sign-up page and waits for the app. */
export async function signUp(page, person) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Company name').fill(person.company);
  await page.getByLabel('Work e-mail').fill(person.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/app');
}

/** Calls the API as the signed-in user of `page`, with the access token the SPA keeps. */
export async function callApi(page, method, path, body) {
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session') ?? 'null'));
  assert.ok(session?.accessToken, 'the SPA keeps a session');
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}
