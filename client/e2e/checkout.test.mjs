// Buying a plan, against the API with billing on (billing-instance.mjs) and the local fake Stripe (fakes/stripe.mjs):
// a new workspace has no plan; the admin chooses Pro, pays on the fake hosted Checkout, comes back, and sees the plan
// turn active once Stripe's signed webhooks have landed. The billing portal opens and returns. Another customer on
// the same instance still has no plan and sees none of it. The billing history shows the first invoice with working
// links, the card and the next invoice, and a renewal's invoice.paid webhook appears on the open page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const instance = process.env.E2E_BILLING_BASE_URL;
const stripeUrl = process.env.E2E_STRIPE_URL;

const buyer = { name: 'Ines Buyer', email: uniqueEmail('ines'), company: 'Quayside Ceramics' };
const stranger = { name: 'Jon Other', email: uniqueEmail('jon'), company: 'Inland Pottery' };

let browser;
let ines;

function subscriptionStatus(page) {
  return page.evaluate(async () => {
    const session = JSON.parse(localStorage.getItem('brandauto.session'));
    const response = await fetch('/api/v1/subscriptions/status', { headers: { Authorization: `Bearer ${session.accessToken}` } });
    return response.json();
  });
}

/** Waits until the fake Stripe has delivered `count` webhooks (it sends them after the buyer is back). */
async function waitForDeliveries(count) {
  for (let i = 0; i < 100; i++) {
    const deliveries = await (await fetch(`${stripeUrl}/_fake/deliveries`)).json();
    if (deliveries.length >= count) return deliveries;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The fake Stripe delivered fewer than ${count} webhooks in 20 seconds.`);
}

async function stripeInvoiceReads() {
  const requests = await (await fetch(`${stripeUrl}/_fake/requests`)).json();
  return requests.filter((r) => r.method === 'GET' && r.path === '/v1/invoices').length;
}

async function openBilling(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Billing' }).click();
  await page.waitForURL('**/app/settings/billing');
}

describe('subscribing through Stripe Checkout', { concurrency: false }, () => {
  before(async () => {
    assert.ok(instance && stripeUrl, 'E2E_BILLING_BASE_URL is not set: run the journeys through e2e/run.mjs');
    browser = await launchBrowser();
    ines = await newUser(browser, undefined, { instance });
    await signUp(ines.page, buyer);
  });

  after(async () => {
    await browser?.close();
  });

  test('a new workspace has no plan: paid features are locked until one is chosen', async () => {
    const { page } = ines;
    await openBilling(page);
    const current = page.locator('section[aria-labelledby="current-plan"]');
    await current.getByText('No active plan').waitFor();
    await page.getByText('New brands, AI requests, automation and invitations are locked').waitFor();
    for (const plan of ['Basic', 'Pro', 'Enterprise']) await page.getByRole('button', { name: `Choose ${plan}` }).waitFor();
    await checkPage(page, 'billing-no-plan');
    const status = await subscriptionStatus(page);
    assert.equal(status.billingEnabled, true);
    assert.equal(status.access, 'locked');
    ines.assertNoErrors();
  });

  test('choosing Pro opens Checkout; after paying, the plan turns active once the signed webhooks land', async () => {
    const { page } = ines;
    await page.getByRole('button', { name: 'Choose Pro' }).click();
    await page.waitForURL(`${stripeUrl}/c/pay/**`);
    await heading(page, 'Pay pro');
    await page.getByText(buyer.email).waitFor();
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? '../artifacts/screenshots'}/fake-stripe-checkout-1440.png` });

    await page.getByRole('button', { name: 'Pay' }).click();
    // Stripe's success_url is the public address's /settings/billing; the app moves it under /app, keeping the query.
    await page.waitForURL(/\/app\/settings\/billing\?checkout=success&session_id=cs_test_\w+$/);
    await page.getByText('Thank you: your subscription is active').waitFor({ timeout: 20_000 });
    // The first invoice's invoice.paid follows Checkout's completion.
    await waitForDeliveries(4);
    const current = page.locator('section[aria-labelledby="current-plan"]');
    await current.getByRole('heading', { name: 'Pro' }).waitFor();
    await current.getByText('Active', { exact: true }).waitFor();
    await current.getByText('Pro plan, active.').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Choose / }).count(), 0, 'nothing left to buy');
    await checkPage(page, 'billing-subscribed');

    // The webhooks were signed as Stripe signs them and each one changed the subscription.
    const deliveries = await (await fetch(`${stripeUrl}/_fake/deliveries`)).json();
    assert.deepEqual(
      deliveries.map((d) => d.type),
      ['customer.subscription.created', 'customer.subscription.updated', 'checkout.session.completed', 'invoice.paid'],
    );
    for (const delivery of deliveries) assert.equal(delivery.status, 200, `${delivery.type}: ${delivery.body}`);
    assert.equal(JSON.parse(deliveries[3].body).outcome, 'applied', 'the first invoice goes into the billing history');
    const outcomes = deliveries.map((d) => JSON.parse(d.body).outcome);
    assert.deepEqual(outcomes.slice(0, 2), ['applied', 'applied'], 'the subscription events change the plan');
    // Checkout's completion is stamped in the same second and ranks before the subscription's own events there, so
    // it is usually stale by the time it arrives (it carries nothing newer); either way it is accepted.
    assert.ok(['applied', 'stale'].includes(outcomes[2]), `checkout.session.completed: ${outcomes[2]}`);
    const status = await subscriptionStatus(page);
    assert.equal(status.access, 'subscribed');
    assert.equal(status.plan, 'pro');
    assert.equal(status.status, 'active');

    await page.getByRole('button', { name: 'Dismiss the notice' }).click();
    await page.waitForURL(/\/app\/settings\/billing$/);
    await page.goto('/app');
    await page.getByRole('region', { name: 'Plan' }).getByText('Pro').first().waitFor();
    ines.assertNoErrors();
  });

  test('the billing portal opens at Stripe and returns to the billing page', async () => {
    const { page } = ines;
    await openBilling(page);
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL(`${stripeUrl}/p/session/**`);
    await heading(page, 'Billing portal');
    await page.getByRole('link', { name: 'Return to the app' }).click();
    await page.waitForURL('**/app/settings/billing');
    await page.locator('section[aria-labelledby="current-plan"]').getByRole('heading', { name: 'Pro' }).waitFor();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    await page
      .getByText(/Subscription/)
      .first()
      .waitFor();
    ines.assertNoErrors();
  });

  test('the billing history lists the invoice with working links, the card and the next invoice', async () => {
    const { page } = ines;
    await openBilling(page);
    const history = page.locator('section[aria-labelledby="billing-history"]');
    await history.getByRole('heading', { name: 'Billing history' }).waitFor();
    const invoices = history.getByRole('list', { name: 'Invoices' });
    const first = invoices.getByRole('listitem').first();
    await first.getByText(/-0001$/).waitFor();
    // Money and dates the reader's way: this browser is British, so dollars read "US$79.00" and days "1 January 2027".
    await first.getByText('US$79.00', { exact: true }).waitFor();
    await first.getByText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/).waitFor();
    await first.getByText('Paid', { exact: true }).waitFor();
    // The card and the next invoice are read from Stripe once, when the page first needs them.
    await history.getByText('Visa ending in 4242').waitFor();
    await history.getByText(/^US\$79\.00 on \d{1,2} [A-Z][a-z]+ \d{4}$/).waitFor();
    await checkPage(page, 'billing-history');

    const number = await first.getByText(/-0001$/).textContent();
    const [invoicePage] = await Promise.all([
      page.waitForEvent('popup'),
      first.getByRole('link', { name: `View Invoice ${number} (opens in a new tab)` }).click(),
    ]);
    await heading(invoicePage, `Invoice ${number}`);
    await invoicePage.close();
    const pdfLink = await first
      .getByRole('link', { name: `Download Invoice ${number} as PDF (opens in a new tab)` })
      .getAttribute('href');
    const pdf = await fetch(pdfLink);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(await pdf.text(), /^%PDF-/);
    ines.assertNoErrors();
  });

  test('a renewal paid in Stripe shows up on the open page from its webhook alone, without a reload', async () => {
    const { page } = ines;
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const readsBefore = await stripeInvoiceReads();
    const renewal = await (await fetch(`${stripeUrl}/_fake/invoices/renew`, { method: 'POST' })).json();
    assert.match(renewal.number, /-0002$/);

    const invoices = page.locator('section[aria-labelledby="billing-history"]').getByRole('list', { name: 'Invoices' });
    // The page asks our API every 15 seconds; the webhook's invoice is there as soon as it lands.
    await invoices.getByRole('listitem').first().getByText(renewal.number).waitFor({ timeout: 40_000 });
    assert.equal(await invoices.getByRole('listitem').count(), 2);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    assert.equal(await stripeInvoiceReads(), readsBefore, 'the invoice came from the webhook, not from reading Stripe again');
    const deliveries = await (await fetch(`${stripeUrl}/_fake/deliveries`)).json();
    const paid = deliveries.filter((d) => d.type === 'invoice.paid').at(-1);
    assert.equal(JSON.parse(paid.body).outcome, 'applied');
    ines.assertNoErrors();
  });

  test('another customer on the same instance has no plan and sees none of this', async () => {
    const jon = await newUser(browser, undefined, { instance });
    try {
      const { page } = jon;
      await signUp(page, stranger);
      await openBilling(page);
      const current = page.locator('section[aria-labelledby="current-plan"]');
      await current.getByText('No active plan').waitFor();
      assert.equal(await current.getByRole('heading', { name: 'Pro' }).count(), 0);
      await page.getByRole('button', { name: 'Choose Pro' }).waitFor();
      const status = await subscriptionStatus(page);
      assert.equal(status.access, 'locked');
      assert.equal(status.plan ?? null, null);

      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
      await page.getByText('Signed up').first().waitFor();
      assert.equal(await page.getByText(/Subscription|Checkout/).count(), 0);
      jon.assertNoErrors();
    } finally {
      await jon.close();
    }
  });
});
