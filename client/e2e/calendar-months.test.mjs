// The calendar's layout over a whole year: twelve consecutive months (six-week months among them) in month, week and
// list views, at 1440 and 375 pixels, in a locale whose month and day names are long, with posts whose titles are long,
// on the first and last days and on Sundays (the last column). No view of any month may scroll sideways; the layout
// bug this guards against showed only in some months.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, desktop, heading, launchBrowser, mobile, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Hedda Longname', email: uniqueEmail('hedda'), company: 'Fjordside Outfitters' };
const longTitle = 'Autumn–winter collection behind the scenes with the whole workshop team and our three suppliers';
const unbroken = 'Supercalifragilisticexpialidocious-Wintersonnenwendenfeierlichkeiten-Sonderangebot';

let browser;
let hedda;

const pad = (n) => String(n).padStart(2, '0');
const iso = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** The first day of each of the twelve months from the page's "today" (the browser's clock, pinned or not). */
function twelveMonths(todayIso) {
  const [year, month] = todayIso.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, month - 1 + i, 1)));
}

/** Whether a month needs six rows of weeks, Monday first. */
function sixWeeks(first) {
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return lead + days > 35;
}

/** Sideways scrolling of the document at each width, after the view has rendered. */
async function overflowAtBothWidths(page) {
  const found = {};
  for (const viewport of [desktop, mobile]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    found[viewport.width] = await page.evaluate(() => {
      const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
      if (overflow <= 0) return { overflow };
      // The outermost elements that reach past the right edge: what a fix has to look at.
      const width = document.documentElement.clientWidth;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .filter((element) => !(element.parentElement?.getBoundingClientRect().right > width + 0.5))
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
      return { overflow, culprits };
    });
  }
  await page.setViewportSize(desktop);
  return found;
}

describe('the calendar over twelve months', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    // Finnish and German month and weekday names are among the longest the browser may format.
    hedda = await newUser(browser, desktop, { locale: 'de-DE' });
    await signUp(hedda.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('no month, week or list view scrolls sideways at 375 or 1440 pixels', async () => {
    const { page } = hedda;
    await callApi(page, 'POST', '/api/v1/companies', { name: owner.company, industry: 'Outdoor retail' });
    const todayIso = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    const months = twelveMonths(todayIso);
    assert.ok(months.some(sixWeeks), 'the twelve months include a six-week month');

    // Drafts on the first day, the last Sunday and the last day of each month, with long and unbroken titles.
    for (const first of months) {
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
      const sunday = new Date(last);
      sunday.setUTCDate(last.getUTCDate() - (last.getUTCDay() % 7));
      for (const [day, title] of [
        [first, longTitle],
        [sunday, unbroken],
        [last, `${longTitle} (${iso(last)})`],
      ]) {
        await callApi(page, 'POST', '/api/v1/content', {
          title: title.slice(0, 120),
          variants: [{ platform: 'linkedIn', text: `${title} — draft for the layout journey.` }],
          at: `${iso(day)}T23:30`,
        });
      }
    }

    const problems = [];
    for (const first of months) {
      const month = iso(first);
      for (const view of ['month', 'week', 'day', 'list']) {
        // The week view shows the week of the month's last Sunday, where the long unbroken title sits.
        const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
        const sunday = iso(new Date(last.getTime() - (last.getUTCDay() % 7) * 86_400_000));
        // The day view shows that Sunday, with its long unbroken title at full width.
        const date = view === 'week' || view === 'day' ? sunday : month;
        await page.goto(`/app/calendar?view=${view}&date=${date}`);
        await heading(page, 'Calendar');
        await page.locator('[data-post-id]').first().waitFor();
        const overflow = await overflowAtBothWidths(page);
        for (const [width, found] of Object.entries(overflow)) {
          if (found.overflow > 0) {
            problems.push(
              `${view} view of ${date} scrolls sideways by ${found.overflow}px at ${width}px (${found.culprits.join(', ')})`,
            );
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    hedda.assertNoErrors();
  });
});
