// The content calendar: a new workspace connects fake LinkedIn and X accounts (through the API until the UI for
// connecting lands), writes a post with a described photo in the composer, moves it by drag and drop, publishes it now
// (the photo uploaded to each network first) and sees it published with the networks' post ids; the approval queue;
// another customer sees none of it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { png } from './media.mjs';
import {
  callApi,
  checkPage,
  heading,
  launchBrowser,
  newUser,
  pinnedClock,
  pinnedClockNow,
  signUp,
  uniqueEmail,
} from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Faye Planner', email: uniqueEmail('faye'), company: 'Harbour Bakery' };
const stranger = { name: 'Gus Elsewhere', email: uniqueEmail('gus'), company: 'Elsewhere Foods' };
const timeZone = 'America/New_York';
const postText = 'Sourdough Saturday 🍞 fresh loaves from 7am https://harbour-bakery.example/menu/sourdough';

let browser;
let faye;

async function receivedByNetworks() {
  const response = await fetch(`${platformsUrl}/_fake/requests`);
  return response.json();
}

/** Segmented choices hide their radio under the label, as people click the label. */
const choose = (scope, name) =>
  scope
    .locator('.segmented label')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();

// A post on the calendar is a button named "09:00, Title, State, Networks" (spaces may surround the commas).
const chip = (page, title) => page.getByRole('button', { name: new RegExp(`^\\S+\\s*,\\s*${title}\\s*,`) });

describe('content calendar', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    faye = await newUser(browser);
    await signUp(faye.page, owner);
    const session = await faye.page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
    // The workspace plans in New York while the browser is in London: every time shown must be New York's.
    await callApi(faye.page, 'PUT', `/api/v1/tenants/${session.tenant.id}/time-zone`, { timeZone });
    await callApi(faye.page, 'POST', '/api/v1/companies', { name: 'Harbour Bakery', industry: 'Bakery' });
    for (const [platform, account, network] of [
      ['linkedIn', 'urn:li:organization:4242', 'LinkedIn'],
      ['x', '1600000000000000001', 'X'],
    ]) {
      await callApi(faye.page, 'POST', '/api/v1/social/connections', {
        platform,
        externalAccountId: account,
        displayName: `${owner.company} on ${network}`,
        accessToken: `e2e-${platform}-token`,
      });
    }
    // The shell read the workspace's settings at sign-up (in London) and keeps them for minutes: these changes were made
    // behind its back, as in another tab, so the page is loaded again to read them.
    await faye.page.reload();
    await faye.page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('the calendar opens from the navigation, empty, in the workspace’s time zone', async () => {
    const { page } = faye;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.waitForURL('**/app/calendar');
    await heading(page, 'Calendar');
    await page.getByText(`in the workspace’s time zone (${timeZone})`).waitFor();
    assert.equal(await page.locator('[data-post-id]').count(), 0);
    await checkPage(page, 'calendar-empty');
    faye.assertNoErrors();
  });

  test('the composer counts as each network counts, previews the post and schedules it', async () => {
    const { page } = faye;
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Sourdough Saturday');
    await dialog.getByRole('checkbox', { name: 'X', exact: true }).check();
    await dialog.getByLabel('Text', { exact: true }).fill(postText);
    // X: 42 characters, the bread emoji 2 and the link 23; LinkedIn counts code points.
    await dialog.getByTestId('counter-x').getByText('67 / 280').waitFor();
    const codePoints = [...postText].length;
    await dialog.getByTestId('counter-linkedIn').getByText(`${codePoints} / 3,000`).waitFor();
    await dialog
      .getByRole('article', { name: 'LinkedIn preview' })
      .getByText(/Sourdough Saturday/)
      .waitFor();
    // A photo for both networks, described for people who cannot see it.
    await dialog.locator('input[type=file]').setInputFiles({ name: 'loaves.png', mimeType: 'image/png', buffer: png(640, 360) });
    const description = dialog.getByLabel(/Description of “loaves/);
    await description.waitFor({ timeout: 60_000 });
    await description.fill('Three sourdough loaves cooling on a rack');
    await choose(dialog, 'X');
    await dialog.getByRole('article', { name: 'X preview' }).waitFor();
    const at = await dialog.getByLabel(`Publish at (${timeZone})`).inputValue();
    assert.match(at, /^\d{4}-\d{2}-\d{2}T\d{2}:00$/, 'a new post starts at the next full hour');
    if (pinnedClock) {
      // With the clocks pinned, "the next full hour" is the pinned instant's, in New York.
      const hourLater = new Date(pinnedClockNow().getTime() + 3_600_000);
      const expected = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(hourLater);
      assert.equal(at.slice(0, 13), expected.replace(' ', 'T').slice(0, 13), 'the browser runs on the pinned clock');
    }
    await checkPage(page, 'composer');

    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Sourdough Saturday” is scheduled.').waitFor();
    const scheduled = chip(page, 'Sourdough Saturday');
    await scheduled.waitFor();
    await page
      .getByRole('button', {
        name: new RegExp(`^${at.slice(11)}\\s*,\\s*Sourdough Saturday\\s*,\\s*Scheduled\\s*,\\s*LinkedIn, X$`),
      })
      .waitFor();
    const day = await scheduled.evaluate((element) => element.closest('[data-day]')?.getAttribute('data-day'));
    assert.equal(day, at.slice(0, 10), 'the post sits on its day in the workspace’s time zone');
    await checkPage(page, 'calendar-month');
    faye.assertNoErrors();
  });

  test('dragging the post to the next day reschedules it at the same time', async () => {
    const { page } = faye;
    const scheduled = chip(page, 'Sourdough Saturday');
    const from = await scheduled.evaluate((element) => element.closest('[data-day]').getAttribute('data-day'));
    const next = new Date(`${from}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const to = next.toISOString().slice(0, 10);
    const reschedule = page.waitForResponse((response) => response.url().endsWith('/reschedule'));

    await scheduled.dragTo(page.locator(`[data-day="${to}"]`));

    const answer = await reschedule;
    assert.equal(answer.status(), 200, await answer.text());
    assert.equal((await answer.json()).scheduledLocal.slice(0, 10), to);
    await page
      .locator(`[data-day="${to}"]`)
      .getByRole('button', { name: /Sourdough Saturday/ })
      .waitFor();
    // The server has it there too: a reload of the same address shows it on the new day.
    await page.reload();
    await page
      .locator(`[data-day="${to}"]`)
      .getByRole('button', { name: /Sourdough Saturday/ })
      .waitFor();
    faye.assertNoErrors();
  });

  test('week and list views show the post; the view is kept in the address', async () => {
    const { page } = faye;
    await choose(page, 'Week');
    await page.waitForURL(/view=week/);
    await chip(page, 'Sourdough Saturday').waitFor();
    await checkPage(page, 'calendar-week');
    await choose(page, 'List');
    await page.waitForURL(/view=list/);
    await chip(page, 'Sourdough Saturday').waitFor();
    await checkPage(page, 'calendar-list');
    faye.assertNoErrors();
  });

  test('in the week’s hour grid the post is dragged to an hour, and moved an hour earlier with Alt and an arrow key', async () => {
    const { page } = faye;
    await choose(page, 'Week');
    await page.waitForURL(/view=week/);
    const scheduled = chip(page, 'Sourdough Saturday');
    await scheduled.waitFor();
    const from = await scheduled.evaluate((element) => element.closest('[data-slot]').getAttribute('data-slot'));
    const hour = Number(from.slice(11, 13));
    const target = `${from.slice(0, 11)}${String(hour <= 21 ? hour + 2 : hour - 2).padStart(2, '0')}:00`;
    const dropped = page.waitForResponse((response) => response.url().endsWith('/reschedule'));
    await scheduled.dragTo(page.locator(`[data-slot="${target}"]`));
    const answer = await dropped;
    assert.equal(answer.status(), 200, await answer.text());
    assert.equal((await answer.json()).scheduledLocal.slice(0, 16), target, 'the post goes out at the hour it was dropped on');
    await page
      .locator(`[data-slot="${target}"]`)
      .getByRole('button', { name: /Sourdough Saturday/ })
      .waitFor();

    // The keyboard's way: Alt and the up arrow move the focused post an hour earlier, and the focus stays on it.
    const earlier = `${target.slice(0, 11)}${String(Number(target.slice(11, 13)) - 1).padStart(2, '0')}:00`;
    const moved = page.waitForResponse((response) => response.url().endsWith('/reschedule'));
    await chip(page, 'Sourdough Saturday').focus();
    await page.keyboard.press('Alt+ArrowUp');
    assert.equal((await (await moved).json()).scheduledLocal.slice(0, 16), earlier);
    await page
      .locator(`[data-slot="${earlier}"]`)
      .getByRole('button', { name: /Sourdough Saturday/ })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Sourdough Saturday” moved to/ })
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-post-id'));
    await checkPage(page, 'calendar-week-grid');

    await choose(page, 'Day');
    await page.waitForURL(/view=day/);
    await page.locator('[data-slot]').first().waitFor();
    await checkPage(page, 'calendar-day');
    await choose(page, 'List');
    await page.waitForURL(/view=list/);
    faye.assertNoErrors();
  });

  test('publish now sends the post once to each network and shows it published with the networks’ post ids', async () => {
    const { page } = faye;
    await chip(page, 'Sourdough Saturday').click();
    const dialog = page.getByRole('dialog', { name: 'Sourdough Saturday' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    // The calendar asks again every few seconds while the post goes out.
    await dialog.getByText('Published', { exact: true }).first().waitFor({ timeout: 60_000 });
    await dialog.getByText(/^urn:li:share:\d+$/).waitFor({ timeout: 30_000 });

    // The fake networks serve every journey of the run: this post's requests are the ones with its text.
    const received = (await receivedByNetworks()).filter((r) => r.text === postText);
    const linkedIn = received.filter((r) => r.platform === 'linkedIn');
    const x = received.filter((r) => r.platform === 'x');
    assert.equal(linkedIn.length, 1, 'LinkedIn received the post once');
    assert.equal(x.length, 1, 'X received the post once');
    assert.equal(linkedIn[0].author, 'urn:li:organization:4242');
    assert.equal(x[0].text, postText);
    // The photo went up first (LinkedIn's Images API, X's chunked media upload) and each post names it, described.
    for (const received of [linkedIn[0], x[0]]) {
      assert.equal(received.media.length, 1, `${received.platform} got the photo`);
      assert.ok(received.media[0].bytes > 0, `${received.platform} received its bytes`);
      assert.equal(received.media[0].altText, 'Three sourdough loaves cooling on a rack');
    }
    assert.match(linkedIn[0].media[0].id, /^urn:li:image:/);
    await dialog.getByText(linkedIn[0].id, { exact: true }).waitFor();
    await dialog.getByText(x[0].id, { exact: true }).waitFor();
    assert.equal(
      await dialog.getByRole('link', { name: /View on X/ }).getAttribute('href'),
      `https://x.com/i/web/status/${x[0].id}`,
    );
    await checkPage(page, 'post-published');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /Sourdough Saturday\s*,\s*Published\s*,/ }).waitFor();
    faye.assertNoErrors();
  });

  test('with approval required, a post waits in the queue and an admin sends it back with a reason', async () => {
    const { page } = faye;
    await callApi(page, 'PUT', '/api/v1/content/settings', { approvalRequired: true });
    await page.goto('/app/calendar?view=list');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    // The AI drafts the text in the brand's voice (the offline drafter: no AI keys in the journeys).
    await dialog.getByLabel('Brand (optional)').selectOption({ label: 'Harbour Bakery' });
    await dialog.getByLabel('Topic for an AI draft').fill('Croissant week');
    await dialog.getByRole('button', { name: 'AI draft' }).click();
    await dialog.getByText(/^Drafted/).waitFor({ timeout: 20_000 });
    const drafted = await dialog.getByLabel('Text for LinkedIn').inputValue();
    assert.ok(drafted.trim().length > 0, 'the AI draft fills the LinkedIn text');
    assert.equal(await dialog.getByLabel('Title').inputValue(), 'Croissant week', 'the topic names the post');
    assert.equal(await dialog.getByRole('button', { name: 'Schedule' }).count(), 0, 'scheduling waits for approval');
    await dialog.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText('“Croissant week” was sent for approval.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await heading(page, 'Approvals');
    const review = page.getByRole('form', { name: 'Review “Croissant week”' });
    await review.waitFor();
    await checkPage(page, 'approvals');
    await review.getByRole('button', { name: 'Reject' }).click();
    await review.getByText('Say what to change: a rejection needs a reason.').waitFor();
    await review.getByLabel('Comment').fill('Add the price of a dozen.');
    await review.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('“Croissant week” was sent back for changes.').waitFor();
    await page.getByRole('heading', { name: 'Sent back for changes' }).waitFor();
    await page.getByText('Add the price of a dozen.').waitFor();
    await page.getByRole('heading', { name: 'Nothing to review' }).waitFor();
    await callApi(page, 'PUT', '/api/v1/content/settings', { approvalRequired: false });
    faye.assertNoErrors();
  });

  test('another customer sees none of these posts', async () => {
    const gus = await newUser(browser);
    try {
      await signUp(gus.page, stranger);
      await gus.page.goto('/app/calendar?view=list');
      await gus.page.getByRole('heading', { name: 'No posts yet' }).waitFor();
      assert.equal(await gus.page.getByText(/Sourdough|Croissant/).count(), 0);
      gus.assertNoErrors();
    } finally {
      await gus.close();
    }
  });
});
