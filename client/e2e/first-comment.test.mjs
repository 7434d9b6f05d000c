// First comments and X threads end to end: a workspace with X, LinkedIn and Facebook accounts (connected through the
// API) writes a long post in the composer, splits the X text into a thread at sentence boundaries, edits a part, adds a
// first comment per network, and publishes. The fake networks (e2e/fakes/platforms.mjs) receive each part once, in
// order, each X part a reply to the one before and each comment on its post; the post's dialog shows every part's
// state with the network's id.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const platformsUrl = process.env.E2E_PLATFORMS_URL;
const owner = { name: 'Lena Lantern', email: uniqueEmail('lena'), company: 'Lantern Night Market' };
const longText = [
  'The Lantern Night Market opens this Friday at the old harbour, with forty stalls of street food from six countries.',
  'Bring a lantern of your own or make one at the paper workshop by the north gate, where our volunteers show you how.',
  'Live music starts at eight, the lantern walk along the quay at ten, and the stalls stay open until midnight.',
  'Entry is free for children under twelve.',
].join(' ');
const comments = {
  x: 'Tickets and the full programme: https://lantern.example/night-market',
  linkedIn: 'We are hiring stall hosts for the season: https://lantern.example/jobs',
  facebook: 'Doors open at six. See you at the harbour!',
};

let browser;
let lena;

const lastPart = 'See you by the water! 🏮';
// What this journey sent (the fake networks serve every journey of the run): the texts it wrote.
const sentTexts = new Set([longText, lastPart, ...Object.values(comments)]);
const received = async () => (await (await fetch(`${platformsUrl}/_fake/requests`)).json()).filter((r) => sentTexts.has(r.text));

describe('first comments and threads', { concurrency: false }, () => {
  before(async () => {
    assert.ok(platformsUrl, 'E2E_PLATFORMS_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    lena = await newUser(browser);
    await signUp(lena.page, owner);
    for (const [platform, account, network] of [
      ['x', '1600000000000000077', 'X'],
      ['linkedIn', 'urn:li:organization:7777', 'LinkedIn'],
      ['facebook', '7070707070', 'Facebook'],
    ]) {
      await callApi(lena.page, 'POST', '/api/v1/social/connections', {
        platform,
        externalAccountId: account,
        displayName: `${owner.company} on ${network}`,
        accessToken: `e2e-${platform}-token`,
      });
    }
    await lena.page.reload();
    await lena.page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('the composer splits a long X text into a thread, counts each part and takes a first comment per network', async () => {
    const { page } = lena;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Lantern Night Market');
    for (const name of ['X', 'Facebook']) await dialog.getByRole('checkbox', { name, exact: true }).check();
    await dialog.getByLabel('Text', { exact: true }).fill(longText);
    await dialog
      .getByTestId('counter-x')
      .getByText(/over the limit/)
      .waitFor();

    await dialog.getByRole('button', { name: 'Split into a thread' }).click();
    const first = await dialog.getByLabel('Text for X').inputValue();
    const second = await dialog.getByLabel('Part 2 of the thread').inputValue();
    assert.ok(first.startsWith('The Lantern Night Market opens'), 'the thread starts with the text’s first sentence');
    assert.ok(first.endsWith('.') && second.endsWith('.'), 'parts end at sentence boundaries');
    assert.equal(`${first} ${second}`, longText, 'the two parts are the whole text, cut between two sentences');
    sentTexts.add(first).add(second);
    // The other networks keep the whole text.
    assert.equal(await dialog.getByLabel('Text for LinkedIn').inputValue(), longText);
    await dialog
      .getByTestId('counter-thread-2')
      .getByText(/^\d+ \/ 280$/)
      .waitFor();

    // Parts stay editable: a third part, added by hand.
    await dialog.getByRole('button', { name: 'Add a part' }).click();
    await dialog.getByLabel('Part 3 of the thread').fill(lastPart);
    await dialog.getByTestId('counter-thread-3').getByText('24 / 280').waitFor();

    for (const [name, text] of [
      ['X', comments.x],
      ['LinkedIn', comments.linkedIn],
      ['Facebook', comments.facebook],
    ]) {
      await dialog.getByLabel(`First comment on ${name}`).fill(text);
    }
    await dialog
      .getByTestId('counter-comment-linkedIn')
      .getByText(`${[...comments.linkedIn].length} / 1,250`)
      .waitFor();
    // X counts a link as 23.
    await dialog.getByTestId('counter-comment-x').getByText('55 / 280').waitFor();
    await checkPage(page, 'composer-thread');

    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('“Lantern Night Market” is scheduled.').waitFor();
    lena.assertNoErrors();
  });

  test('publishing sends every part once, in order, and the post shows each part’s state with the network’s id', async () => {
    const { page } = lena;
    await page.getByRole('button', { name: /Lantern Night Market\s*,\s*Scheduled/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Lantern Night Market' });
    await dialog.waitFor();
    // Before it goes out, every part waits.
    assert.equal(await dialog.getByTestId('part-state').filter({ hasText: 'Waiting' }).count(), 6);
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    // The calendar asks again every few seconds while the post goes out.
    const states = dialog.getByTestId('part-state');
    await states.filter({ hasText: 'Published' }).nth(5).waitFor({ timeout: 60_000 });
    assert.equal(await states.count(), 6, 'three X parts, three first comments');

    const all = await received();
    const x = all.filter((r) => r.platform === 'x');
    assert.equal(x.length, 4, 'X received three parts and one reply, once each');
    assert.equal(x[0].replyTo, null);
    for (let i = 1; i < x.length; i++) assert.equal(x[i].replyTo, x[i - 1].id, 'each X part answers the one before');
    assert.equal(x[3].text, comments.x, 'the first comment comes last, under the thread');
    assert.equal(x[2].text, lastPart);
    for (const platform of ['linkedIn', 'facebook']) {
      const sent = all.filter((r) => r.platform === platform);
      assert.equal(sent.length, 2, `${platform} received the post and its comment, once each`);
      assert.equal(sent[0].kind, undefined);
      assert.equal(sent[1].kind, 'comment');
      assert.equal(sent[1].parent, sent[0].id, `the ${platform} comment is on the post`);
      assert.equal(sent[1].text, comments[platform]);
      await dialog.getByText(sent[1].id, { exact: true }).waitFor();
    }
    for (const part of x) await dialog.getByText(part.id, { exact: true }).first().waitFor();
    await dialog.getByText('Part 3 of 3:').waitFor();
    await checkPage(page, 'post-thread-published');
    lena.assertNoErrors();
  });
});
