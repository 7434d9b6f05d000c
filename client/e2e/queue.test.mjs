// The posting queue across a daylight-saving change: a workspace in Berlin gives LinkedIn one posting time, Sundays
// at 09:00, and the queue is filled up to the last Sunday before the clocks change (from the pinned clock, whatever it
// is). "Add to queue" in the composer then takes the first Sunday after the change: still 09:00 on the wall, an hour
// earlier in UTC. Moving it earlier in the queue swaps it with the post before it, each keeping the slot's time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, checkPage, heading, launchBrowser, newUser, pinnedClock, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Quinn Queue', email: uniqueEmail('quinn'), company: 'Spreewald Pickles' };
const timeZone = 'Europe/Berlin';

let browser;
let quinn;

/** The UTC offset of `zone` at `instant`, in minutes. */
function offsetMinutes(instant, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** Sunday 09:00 in Berlin for each of the coming Sundays, as instants, from `now` on. */
function sundaysAtNine(now, count) {
  const out = [];
  // Calendar days in Berlin, counted on the date itself: stepping an instant by 24 hours skips a day at a change.
  const today = new Date(now.getTime() + offsetMinutes(now, timeZone) * 60_000);
  for (let day = 0; out.length < count; day++) {
    const wall = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + day, 9, 0);
    if (new Date(wall).getUTCDay() !== 0) continue;
    // 09:00 is never in a changing hour, so the offset an hour before is the offset then.
    const at = new Date(wall - offsetMinutes(new Date(wall - 3_600_000), timeZone) * 60_000);
    if (at > now) out.push(at);
  }
  return out;
}

describe('the posting queue', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    quinn = await newUser(browser);
    await signUp(quinn.page, owner);
    const session = await quinn.page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
    await callApi(quinn.page, 'PUT', `/api/v1/tenants/${session.tenant.id}/time-zone`, { timeZone });
    await callApi(quinn.page, 'POST', '/api/v1/social/connections', {
      platform: 'linkedIn',
      externalAccountId: 'urn:li:organization:4242',
      displayName: `${owner.company} on LinkedIn`,
      accessToken: 'e2e-linkedIn-token',
    });
    await quinn.page.reload();
    await quinn.page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('add to queue takes the first Sunday after the clocks change, at 09:00 on the wall', async () => {
    const { page } = quinn;
    await page.goto('/app/settings/queue');
    await heading(page, 'Settings');
    const times = page.getByRole('form', { name: 'Posting times for LinkedIn' });
    await times.getByText('No posting times for LinkedIn yet.').waitFor();
    await times.getByRole('button', { name: 'Add a time' }).click();
    await times.getByLabel('Day 1').selectOption('sunday');
    await times.getByLabel(`Time 1 (${timeZone})`).fill('09:00');
    await times.getByRole('button', { name: 'Save times for LinkedIn' }).click();
    await page.getByText('The posting times for LinkedIn are saved.').waitFor();
    await checkPage(page, 'queue-settings');

    // The coming Sundays up to the first one after a change of offset; all but that one get a post first.
    const now = pinnedClock ?? new Date();
    const sundays = sundaysAtNine(now, 40);
    const change = sundays.findIndex((at, i) => i > 0 && offsetMinutes(at, timeZone) !== offsetMinutes(sundays[i - 1], timeZone));
    assert.ok(change > 0, 'a daylight-saving change within 40 weeks');
    for (let i = 0; i < change; i++) {
      const post = await callApi(page, 'POST', '/api/v1/content', {
        title: `Pickle week ${i + 1}`,
        variants: [{ platform: 'linkedIn', text: `Pickle of the week, number ${i + 1}.` }],
      });
      const queued = await callApi(page, 'POST', `/api/v1/content/${post.id}/queue`);
      assert.equal(new Date(queued.scheduledAt).toISOString(), sundays[i].toISOString(), `week ${i + 1} takes its Sunday`);
    }

    await page.goto('/app/calendar?view=month');
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Clocks change');
    await dialog.getByLabel('Text', { exact: true }).fill('Spring forward with a jar of dill pickles.');
    await dialog.getByRole('button', { name: 'Add to queue' }).click();
    const afterChange = sundays[change];
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    })
      .format(afterChange)
      .replace(/,/g, '');
    await page.getByText(`“Clocks change” is queued for ${wall}, 09:00.`).waitFor();

    const posts = (await callApi(page, 'GET', '/api/v1/content?state=scheduled')).items;
    const changed = posts.find((post) => post.title === 'Clocks change');
    assert.equal(new Date(changed.scheduledAt).toISOString(), afterChange.toISOString());
    assert.match(changed.scheduledLocal, /T09:00:00[+-]\d\d:\d\d$/);
    const beforeChange = sundays[change - 1];
    assert.notEqual(
      offsetMinutes(afterChange, timeZone),
      offsetMinutes(beforeChange, timeZone),
      'the offset changed between the two',
    );
    quinn.assertNoErrors();
  });

  test('moving a queued post earlier swaps it with the one before, each keeping the slot times', async () => {
    const { page } = quinn;
    await page.goto('/app/settings/queue');
    const queue = page.getByRole('list', { name: 'Queue for LinkedIn' });
    await queue.getByText('Clocks change').waitFor();
    const posts = (await callApi(page, 'GET', '/api/v1/content?state=scheduled')).items;
    const changed = posts.find((post) => post.title === 'Clocks change');
    const last = posts
      .filter((post) => post.title.startsWith('Pickle week'))
      .sort((a, b) => new Date(b.scheduledAt) - new Date(a.scheduledAt))[0];

    await queue.getByRole('button', { name: 'Move “Clocks change” earlier' }).click();
    await page.getByText('“Clocks change” moved up the queue.').waitFor();

    const moved = await callApi(page, 'GET', `/api/v1/content/${changed.id}`);
    const swapped = await callApi(page, 'GET', `/api/v1/content/${last.id}`);
    assert.equal(moved.scheduledAt, last.scheduledAt);
    assert.equal(swapped.scheduledAt, changed.scheduledAt);
    assert.match(swapped.scheduledLocal, /T09:00:00/);
    await checkPage(page, 'queue-reordered');
    quinn.assertNoErrors();
  });
});
