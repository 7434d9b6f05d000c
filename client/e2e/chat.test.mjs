// Asking the brand strategist: a text file uploaded on the files page, indexed in the background, then a question
// whose answer streams in from the offline provider (the default: deterministic, it quotes the best passages and
// cites them as [n]) with a citation that opens the file's preview at the cited passage. Sessions are listed,
// renamed, reloaded from the server, and invisible to another customer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Fay Founder', email: uniqueEmail('fay'), company: 'Harbour Tea Company' };
const stranger = { name: 'Gus Other', email: uniqueEmail('gus'), company: 'Elsewhere Teas' };
// A word only this run's file contains, so that retrieval can only find it there.
const secret = `osmanthus${Date.now().toString(36)}`;
const textFile = {
  name: 'blend-notes.txt',
  text: `Blend notes\n\nOur first-flush Darjeeling blend smells of ${secret} and apricot, and it finishes clean and dry.\n\nWe pack it by hand in Falmouth.\n`,
};
const question = `Tell me about ${secret}.`;

let browser;
let fay;
let sessionPath;

/** Calls the API with the page's own session, as the SPA does. */
function apiGet(page, path) {
  return page.evaluate(async (url) => {
    const session = JSON.parse(localStorage.getItem('brandauto.session'));
    const response = await fetch(url, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    return { status: response.status, body: response.status === 200 ? await response.json() : null };
  }, path);
}

describe('asking the strategist', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    fay = await newUser(browser);
    await signUp(fay.page, owner);
  });

  after(async () => {
    await browser?.close();
  });

  test('a text file uploaded on the files page is indexed for the chat', async () => {
    const { page } = fay;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Files' }).click();
    await heading(page, 'Files');
    await page.getByRole('button', { name: 'Upload files' }).first().click();
    await page
      .getByLabel('Choose files')
      .setInputFiles([{ name: textFile.name, mimeType: 'text/plain', buffer: Buffer.from(textFile.text) }]);
    await page.getByText('1 of 1 files uploaded.').waitFor({ timeout: 20_000 });

    // Text extraction runs in the background: ask the search the chat grounds on until it finds the passage.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { status, body } = await apiGet(page, `/api/v1/ai/search-files?q=${secret}&limit=5`);
      assert.equal(status, 200);
      if (body.some((hit) => hit.chunkId)) break;
      assert.ok(Date.now() < deadline, 'the file’s passages were not indexed within 30 s');
      await page.waitForTimeout(500);
    }
    fay.assertNoErrors();
  });

  test('the answer streams in, labelled offline, with a citation that opens the file at the passage', async () => {
    const { page } = fay;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat' }).click();
    await page.waitForURL('**/app/chat');
    await heading(page, 'Strategist chat');
    await page.getByText('Your conversations will be listed here.').waitFor();
    await checkPage(page, 'chat-empty');

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/ai/chat') && r.request().method() === 'POST');
    const box = page.getByLabel('Message the strategist');
    await box.fill(question);
    await box.press('Enter');
    const response = await answered;
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^text\/event-stream/);

    // The question starts a session, which the address now names and the list shows.
    await page.waitForURL(/\/app\/chat\?session=[0-9a-f-]{36}$/);
    sessionPath = new URL(page.url()).pathname + new URL(page.url()).search;
    const answer = page.getByRole('article', { name: 'Answer', exact: true });
    await answer.getByText(`apricot`, { exact: false }).first().waitFor();
    await answer.getByText('Offline answer').waitFor();
    assert.equal(await box.inputValue(), '', 'the composer is cleared');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-message', 'the composer keeps the focus');
    const conversations = page.getByRole('navigation', { name: 'Conversations' });
    await conversations.getByRole('button', { name: /^Tell me about/ }).waitFor();
    await checkPage(page, 'chat-answer');

    const chip = answer.getByRole('button', { name: `Source 1: ${textFile.name}` }).first();
    await chip.click();
    const dialog = page.getByRole('dialog', { name: textFile.name });
    await dialog.getByText('Cited as source 1').waitFor();
    await dialog.locator('blockquote', { hasText: secret }).waitFor();
    await dialog.getByText('Ready', { exact: true }).waitFor();
    await dialog.getByRole('link', { name: 'Download' }).waitFor();
    await checkPage(page, 'chat-citation-preview');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    fay.assertNoErrors();
  });

  test('the session keeps its history: renamed, reloaded, and a new chat starts empty', async () => {
    const { page } = fay;
    const conversations = page.getByRole('navigation', { name: 'Conversations' });
    await conversations
      .getByRole('button', { name: /^Rename/ })
      .first()
      .click();
    const rename = page.getByRole('dialog', { name: 'Rename conversation' });
    await rename.getByLabel('Title').fill('Darjeeling tasting');
    await rename.getByRole('button', { name: 'Save' }).click();
    await rename.waitFor({ state: 'detached' });
    await conversations.getByRole('button', { name: /^Darjeeling tasting/ }).waitFor();

    await page.reload();
    await heading(page, 'Strategist chat');
    const answer = page.getByRole('article', { name: 'Answer', exact: true });
    await answer
      .getByRole('button', { name: `Source 1: ${textFile.name}` })
      .first()
      .waitFor();
    await page.getByRole('article', { name: 'Your question' }).getByText(question).waitFor();

    await conversations.getByRole('button', { name: 'New chat' }).click();
    await page.waitForURL(/\/app\/chat$/);
    await page.getByRole('heading', { name: 'What would you like to know?' }).waitFor();
    await conversations.getByRole('button', { name: /^Darjeeling tasting/ }).click();
    await page.getByRole('article', { name: 'Your question' }).getByText(question).waitFor();
    fay.assertNoErrors();
  });

  test('a lost connection while asking shows a retry, not a blank answer', async () => {
    const { page } = fay;
    fay.allowConsoleErrors(/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to load resource/);
    await page.route('**/api/v1/ai/chat', (route) => route.abort('internetdisconnected'));
    const box = page.getByLabel('Message the strategist');
    await box.fill('Where do we pack it?');
    await box.press('Enter');
    await page.getByRole('alert').getByText('The connection was lost').waitFor();
    await checkPage(page, 'chat-offline');
    await page.unroute('**/api/v1/ai/chat');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('article', { name: 'Answer', exact: true }).getByText('Falmouth', { exact: false }).first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    fay.assertNoErrors();
  });

  test('on the wire, the answer is a stream of events: session, many deltas, the citation, done', async () => {
    const { page } = fay;
    const read = await page.evaluate(async (text) => {
      const session = JSON.parse(localStorage.getItem('brandauto.session'));
      const response = await fetch('/api/v1/ai/chat', {
        method: 'POST',
        headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: text }),
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let body = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        body += decoder.decode(value, { stream: true });
      }
      return { type: response.headers.get('Content-Type'), body };
    }, question);
    assert.match(read.type, /^text\/event-stream/);
    const events = read.body.split('\n').filter((line) => line.startsWith('event: '));
    assert.equal(events[0], 'event: session');
    // The offline answer streams a delta per quoted passage (it no longer adds a notice before and after them).
    assert.ok(events.filter((e) => e === 'event: delta').length > 1, `several deltas, got ${events.join(', ')}`);
    const citation = read.body.match(/event: citation\ndata: (.*)\n/);
    assert.ok(citation, 'a citation event');
    assert.equal(JSON.parse(citation[1]).assetName, textFile.name);
    assert.equal(events.at(-1), 'event: done');
  });

  test('another customer sees none of these conversations', async () => {
    const gus = await newUser(browser);
    try {
      const { page } = gus;
      await signUp(page, stranger);
      await page.goto('/app/chat');
      await page.getByText('Your conversations will be listed here.').waitFor();
      assert.equal(await page.getByText('Darjeeling tasting').count(), 0);

      // Fay's session, by its address, is not found for Gus; the API answers 404 too.
      await page.goto(sessionPath);
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      const id = new URLSearchParams(sessionPath.split('?')[1]).get('session');
      const { status } = await apiGet(page, `/api/v1/ai/sessions/${id}/messages`);
      assert.equal(status, 404);

      // Nor does his strategist find her file's words.
      const box = page.getByLabel('Message the strategist');
      await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'New chat' }).click();
      await box.fill(question);
      await box.press('Enter');
      const answer = page.getByRole('article', { name: 'Answer', exact: true });
      await answer.getByText('Your documents do not cover this', { exact: false }).waitFor();
      assert.equal(await answer.getByRole('button', { name: /^Source/ }).count(), 0);
      gus.assertNoErrors();
    } finally {
      await gus.close();
    }
  });
});
