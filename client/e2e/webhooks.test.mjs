// An admin sends the workspace's events to a receiver of their own: adds an endpoint under Settings with events chosen
// in words, copies its signing secret (shown once), sends a test event that a local receiver verifies as the Standard
// Webhooks libraries do, sees it in the delivery log, sends it again, then deletes the endpoint.
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { baseUrl, checkPage, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Wanda Webhook', email: uniqueEmail('wanda'), company: 'Harbour Books' };

/** A receiver on a free loopback port that keeps what it gets and whether the signature was right. */
function startReceiver() {
  const received = [];
  const state = { secret: null };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature = '' } = request.headers;
      const key = Buffer.from((state.secret ?? 'whsec_').slice('whsec_'.length), 'base64');
      const expected = Buffer.from('v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'));
      const valid = signature.split(' ').some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
      received.push({ id, valid, event: JSON.parse(body) });
      response.writeHead(valid ? 204 : 401).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, received, state, url: `http://127.0.0.1:${server.address().port}/hooks` }),
    ),
  );
}

async function until(check, what, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`Timed out waiting for ${what}.`);
}

let browser;
let wanda;
let receiver;

describe('webhooks', { concurrency: false }, () => {
  before(async () => {
    receiver = await startReceiver();
    browser = await launchBrowser();
    wanda = await newUser(browser);
    await wanda.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await signUp(wanda.page, owner);
  });

  after(async () => {
    await browser?.close();
    receiver?.server.close();
  });

  test('an endpoint is added, tested, logged, sent again and deleted', async () => {
    const { page } = wanda;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL('**/app/settings/webhooks');
    await page.getByText('No endpoints yet').waitFor();
    await checkPage(page, 'settings-webhooks-empty');

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Give the address that receives the events.').waitFor();
    await page.getByText('Choose at least one event to send.').waitFor();

    await page.getByLabel('Address').fill(receiver.url);
    await page.getByLabel('Description').fill('Order system');
    await page.getByRole('checkbox', { name: /Post published/ }).check();
    await page.getByRole('checkbox', { name: /Approval requested/ }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const field = page.getByLabel(/Signing secret for/);
    await field.waitFor();
    receiver.state.secret = await field.inputValue();
    assert.match(receiver.state.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    await checkPage(page, 'settings-webhooks-secret');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await field.waitFor({ state: 'detached' });

    const list = page.getByRole('list', { name: 'Webhook endpoints' });
    await list.getByText('Post published, Approval requested').waitFor();
    await list.getByRole('button', { name: 'Send test event' }).click();
    await until(() => receiver.received.length === 1, 'the test event');
    assert.equal(receiver.received[0].valid, true, 'the signature verifies');
    assert.equal(receiver.received[0].event.type, 'webhook.test');

    const log = page.getByRole('list', { name: 'Delivery log' });
    await log.getByText(/Delivered: the receiver answered 204/).waitFor({ timeout: 20_000 });
    await log.getByText(/Attempt 1/).waitFor();
    await checkPage(page, 'settings-webhooks-log');

    await log
      .getByRole('button', { name: /Send again/ })
      .first()
      .click();
    await until(() => receiver.received.length === 2, 'the redelivery');
    assert.equal(receiver.received[1].id, receiver.received[0].id, 'a redelivery keeps the event id');
    await log.getByText(/Attempt 2/).waitFor({ timeout: 20_000 });

    await list.getByRole('button', { name: `Delete ${receiver.url}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this endpoint?' });
    await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByText('No endpoints yet').waitFor();
  });
});
