// Client review without an account: an admin shares the coming two weeks' posts from the approvals page; a client opens
// the link in a browser of their own (no session, on a phone-sized screen), types their name, approves one post and
// asks for changes to the other. The team sees both decisions, with the name and the comment; once the admin revokes
// the link it no longer opens (the API answers 404).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  baseUrl,
  callApi,
  checkPage,
  heading,
  launchBrowser,
  mobile,
  newUser,
  pinnedClockNow,
  pinnedClock,
  signUp,
  uniqueEmail,
} from './support.mjs';

const owner = { name: 'Rhea Review', email: uniqueEmail('rhea'), company: 'Spreewald Pickles' };

let browser;
let rhea;
let client;
let reviewPath;

describe('client review links', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    rhea = await newUser(browser);
    client = await newUser(browser, mobile);
    await signUp(rhea.page, owner);
    const now = pinnedClock ? pinnedClockNow() : new Date();
    const inDays = (days) => new Date(now.getTime() + days * 86_400_000).toISOString();
    await callApi(rhea.page, 'POST', '/api/v1/content', {
      title: 'Dill season',
      variants: [{ platform: 'linkedIn', text: 'Dill season starts: our gherkins are back in every shop.' }],
      at: inDays(2),
    });
    await callApi(rhea.page, 'POST', '/api/v1/content', {
      title: 'Mustard pickles',
      variants: [{ platform: 'x', text: 'Mustard pickles, the old recipe.' }],
      at: inDays(3),
    });
  });

  after(async () => {
    await browser?.close();
  });

  test('an admin shares the coming posts with a client', async () => {
    const { page } = rhea;
    await page.goto('/app/approvals');
    await heading(page, 'Approvals');
    const form = page.getByRole('form', { name: 'Share posts with a client' });
    await form.getByText('2 posts are planned in these days').waitFor();
    await form.getByLabel('Name').fill('Pickles for the next two weeks');
    await form.getByRole('button', { name: 'Create review link' }).click();
    const link = await page.getByLabel('Review link', { exact: true }).inputValue();
    const url = new URL(link.trim());
    assert.match(url.pathname, /^\/review\/rv_[0-9A-Za-z]{43}$/);
    reviewPath = url.pathname;
    await checkPage(page, 'review-shared');
    rhea.assertNoErrors();
  });

  test('the client approves one post and asks for changes to the other, without an account', async () => {
    const { page } = client;
    await page.goto(reviewPath);
    await heading(page, 'Pickles for the next two weeks');
    await page.getByLabel('Your name').fill('Clara Client');
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.getByText('Reviewing as').waitFor();

    const dill = page.getByRole('article', { name: 'Dill season' });
    await dill.getByRole('region', { name: 'LinkedIn' }).getByText('Dill season starts').waitFor();
    await dill.getByRole('button', { name: 'Approve' }).click();
    await dill.getByText('You approved “Dill season”.').waitFor();

    const mustard = page.getByRole('article', { name: 'Mustard pickles' });
    await mustard.getByRole('button', { name: 'Ask for changes' }).click();
    await mustard.getByText('Say what to change').first().waitFor();
    await mustard.getByLabel('Comment').fill('Please name the shops that sell them.');
    await mustard.getByRole('button', { name: 'Ask for changes' }).click();
    await mustard.getByText('You asked for changes to “Mustard pickles”.').waitFor();
    await mustard.getByText('Changes requested by Clara Client').waitFor();
    await checkPage(page, 'review-client');
    client.assertNoErrors();
  });

  test('the team sees both decisions, and a revoked link answers 404', async () => {
    const { page } = rhea;
    await page.goto('/app/approvals');
    const posts = page.getByRole('list', { name: 'Posts in “Pickles for the next two weeks”' });
    await posts.getByText('Approved by Clara Client').waitFor();
    await posts.getByText('Changes requested by Clara Client').waitFor();
    await posts.getByText('Please name the shops that sell them.').waitFor();
    await checkPage(page, 'review-team');

    await page.getByRole('button', { name: 'Revoke link' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke link' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();

    const token = reviewPath.split('/').pop();
    const api = await client.page.request.get(`${baseUrl}/api/v1/review/${token}`);
    assert.equal(api.status(), 404);
    await client.page.reload();
    await client.page.getByText('This review link no longer works').waitFor();
    rhea.assertNoErrors();
  });
});
