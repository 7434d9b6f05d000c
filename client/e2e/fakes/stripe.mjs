// A local Stripe for the billing journeys, on node:http, speaking Stripe's wire format for what the API calls through
// Stripe.net (StripeBillingGateway):
//
//   POST /v1/checkout/sessions          form-encoded (line_items[0][price]=…, metadata[tenant_id]=…), Bearer secret key,
//                                       Idempotency-Key honoured; answers a checkout.session whose `url` is this fake's
//                                       hosted page
//   POST /v1/billing_portal/sessions    a billing_portal.session whose `url` is this fake's portal page
//   GET  /c/pay/:id                     the "hosted Checkout" page: the plan, the buyer, a Pay button and a way back
//   POST /c/pay/:id                     pays: redirects to success_url ({CHECKOUT_SESSION_ID} filled in), then delivers
//                                       customer.subscription.created (incomplete), customer.subscription.updated (active)
//                                       checkout.session.completed (paid) and the first invoice's invoice.paid to the
//                                       webhook endpoint, each signed as
//                                       Stripe signs them: Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>
//   GET  /v1/invoices?customer=…        the customer's invoices, newest first (a Stripe list object)
//   POST /v1/invoices/create_preview    the subscription's next invoice (invoice_upcoming_none once it is canceled)
//   GET  /v1/customers/:id              the customer, invoice_settings.default_payment_method expanded (a test Visa)
//   GET  /v1/payment_methods            the customer's cards (a Stripe list object)
//   GET  /i/:id, /invoice/:id/pdf       the hosted invoice page and its PDF, the links the billing history shows
//   POST /_fake/invoices/renew          bills the newest subscription's next month: a paid invoice, delivered as
//                                       invoice.paid (the renewal a journey waits for on the billing page)
//   GET  /_fake/deliveries              what the webhook endpoint answered to each delivery (for the journeys)
//   GET  /_fake/requests                every request received, with its headers (for debugging a journey)
//
// Like Stripe, webhooks go out after the buyer is sent back, so the app must wait for them rather than trust the return.
//
// Run as a script (`node e2e/fakes/stripe.mjs`) it serves in its own process, configured by FAKE_STRIPE_SECRET_KEY,
// FAKE_STRIPE_WEBHOOK_SECRET, FAKE_STRIPE_PRICES (comma-separated) and FAKE_STRIPE_WEBHOOK_URL, and prints its address
// as one JSON line: run.mjs waits for the journeys with spawnSync, which would starve a fake in its own event loop.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const apiVersion = '2025-10-29.clover';

function id(prefix) {
  return `${prefix}_test_${randomBytes(12).toString('hex')}`;
}

// With the journeys' clocks pinned (E2E_CLOCK), Stripe's clock runs with the API's: its signatures are judged against
// the API's "now" (five minutes' tolerance), so the fake starts at the same instant, give or take its start-up.
const clockShift = process.env.E2E_CLOCK ? new Date(process.env.E2E_CLOCK).getTime() - Date.now() : 0;

function now() {
  return Math.floor((Date.now() + clockShift) / 1000);
}

/** Stripe's form encoding, read back: `a[b][0][c]=v` becomes { a: { b: [ { c: 'v' } ] } }. */
export function parseStripeForm(body) {
  const result = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node = result;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
      if (last) node[part] = value;
      else node = node[part] ??= nextIsIndex ? [] : {};
    });
  }
  return result;
}

/** The Stripe-Signature header for `payload`, as Stripe computes it. */
export function stripeSignature(payload, secret, timestamp = now()) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req') });
  response.end(JSON.stringify(body));
}

function stripeError(response, status, type, message, extra = {}) {
  sendJson(response, status, { error: { type, message, ...extra } });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * Starts the fake on a free loopback port. `prices` are the price ids it sells (others are refused as Stripe refuses
 * an unknown price); `webhookUrl` is where events go, signed with `webhookSecret`; it can be set later with
 * `setWebhookUrl` (the API's port is known only once it is chosen).
 */
export async function startFakeStripe({ secretKey, webhookSecret, prices, webhookUrl = null }) {
  const sessions = new Map();
  const byIdempotencyKey = new Map();
  const deliveries = [];
  const requests = [];
  // price id -> amount in cents ("price_x:7900" in `prices`; a bare id costs 1000).
  const priceAmounts = new Map(
    prices.map((entry) => {
      const [priceId, amount] = entry.split(':');
      return [priceId, Number(amount ?? 1000)];
    }),
  );
  const invoices = [];
  const subscriptions = [];
  let target = webhookUrl;
  let baseUrl = '';

  async function deliver(type, object) {
    const payload = JSON.stringify({
      id: id('evt'),
      object: 'event',
      api_version: apiVersion,
      created: now(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    });
    let status = 0;
    let body = '';
    try {
      const answer = await fetch(target, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Stripe-Signature': stripeSignature(payload, webhookSecret),
        },
        body: payload,
      });
      status = answer.status;
      body = await answer.text();
    } catch (error) {
      body = String(error);
    }
    deliveries.push({ type, status, body });
  }

  function subscriptionOf(session, status) {
    const price = session.line_items?.[0]?.price;
    const start = now();
    return {
      id: session.subscription,
      object: 'subscription',
      customer: session.customer,
      status,
      created: start,
      start_date: start,
      cancel_at_period_end: false,
      collection_method: 'charge_automatically',
      livemode: false,
      metadata: session.subscription_data?.metadata ?? {},
      items: {
        object: 'list',
        data: [
          {
            id: id('si'),
            object: 'subscription_item',
            quantity: 1,
            current_period_start: start,
            current_period_end: start + 30 * 24 * 3600,
            price: {
              id: price,
              object: 'price',
              active: true,
              currency: 'usd',
              type: 'recurring',
              recurring: { interval: 'month' },
            },
          },
        ],
        has_more: false,
      },
    };
  }

  async function pay(session) {
    session.status = 'complete';
    session.payment_status = 'paid';
    session.customer ??= id('cus');
    session.subscription = id('sub');
    session.url = null;
    // Stripe's order: the subscription appears incomplete, the first invoice is paid, it turns active, Checkout completes.
    await deliver('customer.subscription.created', subscriptionOf(session, 'incomplete'));
    await deliver('customer.subscription.updated', subscriptionOf(session, 'active'));
    await deliver('checkout.session.completed', publicSession(session));
    const subscription = { id: session.subscription, customer: session.customer, price: session.line_items?.[0]?.price, session };
    subscriptions.push(subscription);
    await bill(subscription, 'subscription_create');
  }

  /** A paid invoice for one month of the subscription, delivered as invoice.paid. */
  async function bill(subscription, reason) {
    const amount = priceAmounts.get(subscription.price) ?? 1000;
    const created = now();
    const invoiceId = id('in');
    const count = invoices.filter((i) => i.customer === subscription.customer).length + 1;
    const invoice = {
      id: invoiceId,
      object: 'invoice',
      customer: subscription.customer,
      number: `${subscription.customer.slice(-8).toUpperCase()}-${String(count).padStart(4, '0')}`,
      status: 'paid',
      currency: 'usd',
      total: amount,
      subtotal: amount,
      amount_due: amount,
      amount_paid: amount,
      amount_remaining: 0,
      billing_reason: reason,
      collection_method: 'charge_automatically',
      created,
      period_start: created,
      period_end: created + 30 * 24 * 3600,
      livemode: false,
      hosted_invoice_url: `${baseUrl}/i/${invoiceId}`,
      invoice_pdf: `${baseUrl}/invoice/${invoiceId}/pdf`,
      status_transitions: { finalized_at: created, paid_at: created },
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id, metadata: subscription.session.subscription_data?.metadata ?? {} },
      },
    };
    invoices.push(invoice);
    await deliver('invoice.paid', invoice);
    return invoice;
  }

  function list(data, url) {
    return { object: 'list', url, has_more: false, data };
  }

  const testCard = {
    id: 'pm_test_visa',
    object: 'payment_method',
    type: 'card',
    card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, funding: 'credit' },
  };

  function invoicePage(invoice) {
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Fake Stripe invoice</title></head>
<body><main><h1>Invoice ${escapeHtml(invoice.number)}</h1>
<p>Amount paid: ${escapeHtml((invoice.amount_paid / 100).toFixed(2))} ${escapeHtml(invoice.currency.toUpperCase())}</p></main></body>
</html>`;
  }

  // The smallest well-formed PDF: enough for a browser to open, and for a journey to check it is one.
  function invoicePdf(invoice) {
    return Buffer.from(
      `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n` +
        `trailer<</Root 1 0 R>>\n%% Invoice ${invoice.number}\n%%EOF\n`,
    );
  }

  function publicSession(session) {
    // Stripe leaves line items out of a session unless they are expanded, and never echoes subscription_data.
    const rest = { ...session };
    delete rest.line_items;
    delete rest.subscription_data;
    return rest;
  }

  function checkoutPage(session) {
    const price = session.line_items?.[0]?.price ?? '';
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fake Stripe Checkout</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
button{font:inherit;padding:.75rem 1.5rem;background:#635bff;color:#fff;border:0;border-radius:6px;cursor:pointer}
a{color:#3c4257}</style></head>
<body>
<main>
<h1>Pay ${escapeHtml(session.metadata?.plan ?? 'your plan')}</h1>
<p>Test mode: no card is charged. Subscription to price <code>${escapeHtml(price)}</code>
for <strong>${escapeHtml(session.customer_email ?? session.customer ?? 'a customer')}</strong>.</p>
<form method="post" action="/c/pay/${encodeURIComponent(session.id)}"><button type="submit">Pay</button></form>
<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>
</main>
</body>
</html>`;
  }

  function portalPage(portal) {
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Fake Stripe billing portal</title></head>
<body><main><h1>Billing portal</h1><p>Customer <code>${escapeHtml(portal.customer)}</code></p>
<p><a href="${escapeHtml(portal.return_url)}">Return to the app</a></p></main></body>
</html>`;
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, baseUrl);
      const path = url.pathname;
      requests.push({ at: new Date().toISOString(), method: request.method, path, headers: request.headers });

      if (path.startsWith('/v1/')) {
        if (request.headers.authorization !== `Bearer ${secretKey}`) {
          return stripeError(response, 401, 'invalid_request_error', 'Invalid API Key provided.');
        }
      }

      if (request.method === 'POST' && path === '/v1/checkout/sessions') {
        const body = await readBody(request);
        const key = request.headers['idempotency-key'];
        if (key && byIdempotencyKey.has(key)) {
          const earlier = byIdempotencyKey.get(key);
          if (earlier.body !== body) {
            return stripeError(
              response,
              400,
              'idempotency_error',
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            );
          }
          return sendJson(response, 200, publicSession(sessions.get(earlier.sessionId)));
        }
        const form = parseStripeForm(body);
        const price = form.line_items?.[0]?.price;
        if (form.mode !== 'subscription') {
          return stripeError(response, 400, 'invalid_request_error', 'This fake only sells subscriptions.', { param: 'mode' });
        }
        if (!priceAmounts.has(price)) {
          return stripeError(response, 400, 'invalid_request_error', `No such price: '${price}'`, {
            code: 'resource_missing',
            param: 'line_items[0][price]',
          });
        }
        if (!form.success_url || !form.cancel_url) {
          return stripeError(response, 400, 'invalid_request_error', 'Missing required param: success_url.', {
            param: 'success_url',
          });
        }
        const sessionId = id('cs');
        const session = {
          id: sessionId,
          object: 'checkout.session',
          mode: 'subscription',
          status: 'open',
          payment_status: 'unpaid',
          livemode: false,
          created: now(),
          expires_at: now() + 24 * 3600,
          client_reference_id: form.client_reference_id ?? null,
          customer: form.customer ?? null,
          customer_email: form.customer_email ?? null,
          metadata: form.metadata ?? {},
          success_url: form.success_url,
          cancel_url: form.cancel_url,
          subscription: null,
          url: `${baseUrl}/c/pay/${sessionId}`,
          line_items: form.line_items,
          subscription_data: form.subscription_data ?? {},
        };
        sessions.set(sessionId, session);
        if (key) byIdempotencyKey.set(key, { body, sessionId });
        return sendJson(response, 200, publicSession(session));
      }

      if (request.method === 'POST' && path === '/v1/billing_portal/sessions') {
        const form = parseStripeForm(await readBody(request));
        if (!form.customer) {
          return stripeError(response, 400, 'invalid_request_error', 'Missing required param: customer.', { param: 'customer' });
        }
        const portal = {
          id: id('bps'),
          object: 'billing_portal.session',
          customer: form.customer,
          return_url: form.return_url ?? null,
          livemode: false,
          created: now(),
        };
        portal.url = `${baseUrl}/p/session/${portal.id}?return_url=${encodeURIComponent(portal.return_url ?? '')}&customer=${encodeURIComponent(portal.customer)}`;
        return sendJson(response, 200, portal);
      }

      if (request.method === 'GET' && path === '/v1/invoices') {
        const customer = url.searchParams.get('customer');
        const limit = Number(url.searchParams.get('limit') ?? 10);
        const mine = invoices.filter((i) => !customer || i.customer === customer).sort((a, b) => b.created - a.created);
        return sendJson(response, 200, { ...list(mine.slice(0, limit), '/v1/invoices'), has_more: mine.length > limit });
      }

      if (request.method === 'POST' && path === '/v1/invoices/create_preview') {
        const form = parseStripeForm(await readBody(request));
        const subscription = subscriptions.find((s) => s.id === form.subscription && s.customer === form.customer);
        if (!subscription) {
          return stripeError(response, 404, 'invalid_request_error', `No upcoming invoices for customer: ${form.customer}`, {
            code: 'invoice_upcoming_none',
          });
        }
        const last = invoices.filter((i) => i.customer === subscription.customer).at(-1);
        const at = (last?.period_end ?? now()) + 3600;
        const amount = priceAmounts.get(subscription.price) ?? 1000;
        return sendJson(response, 200, {
          object: 'invoice',
          customer: subscription.customer,
          status: 'draft',
          currency: 'usd',
          total: amount,
          amount_due: amount,
          created: at,
          next_payment_attempt: at,
          livemode: false,
        });
      }

      const customerMatch = path.match(/^\/v1\/customers\/([\w-]+)$/);
      if (request.method === 'GET' && customerMatch) {
        const known = subscriptions.some((s) => s.customer === customerMatch[1]);
        if (!known) return stripeError(response, 404, 'invalid_request_error', `No such customer: '${customerMatch[1]}'`);
        const expanded = url.searchParams.getAll('expand[]').includes('invoice_settings.default_payment_method');
        return sendJson(response, 200, {
          id: customerMatch[1],
          object: 'customer',
          livemode: false,
          invoice_settings: { default_payment_method: expanded ? testCard : testCard.id },
        });
      }

      if (request.method === 'GET' && path === '/v1/payment_methods') {
        const known = subscriptions.some((s) => s.customer === url.searchParams.get('customer'));
        return sendJson(response, 200, list(known ? [testCard] : [], '/v1/payment_methods'));
      }

      const invoiceMatch = path.match(/^\/(?:i\/([\w-]+)|invoice\/([\w-]+)\/pdf)$/);
      if (request.method === 'GET' && invoiceMatch) {
        const invoice = invoices.find((i) => i.id === (invoiceMatch[1] ?? invoiceMatch[2]));
        if (!invoice) {
          response.writeHead(404, { 'Content-Type': 'text/plain' });
          return response.end('No such invoice.');
        }
        if (invoiceMatch[1]) {
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return response.end(invoicePage(invoice));
        }
        response.writeHead(200, { 'Content-Type': 'application/pdf' });
        return response.end(invoicePdf(invoice));
      }

      if (request.method === 'POST' && path === '/_fake/invoices/renew') {
        const subscription = subscriptions.at(-1);
        if (!subscription) return stripeError(response, 404, 'invalid_request_error', 'No subscription to renew.');
        return sendJson(response, 200, await bill(subscription, 'subscription_cycle'));
      }

      const pageMatch = path.match(/^\/c\/pay\/([\w-]+)$/);
      if (pageMatch) {
        const session = sessions.get(pageMatch[1]);
        if (!session) {
          response.writeHead(404, { 'Content-Type': 'text/plain' });
          return response.end('No such Checkout session.');
        }
        if (request.method === 'GET') {
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return response.end(checkoutPage(session));
        }
        if (request.method === 'POST') {
          await readBody(request);
          const alreadyPaid = session.status === 'complete';
          response.writeHead(303, { Location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) });
          response.end();
          // After the redirect, as Stripe does: the buyer may be back before the webhooks land.
          if (!alreadyPaid) setTimeout(() => void pay(session), 300);
          return undefined;
        }
      }

      if (request.method === 'GET' && path.startsWith('/p/session/')) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return response.end(
          portalPage({ customer: url.searchParams.get('customer'), return_url: url.searchParams.get('return_url') }),
        );
      }

      if (request.method === 'GET' && path === '/_fake/deliveries') return sendJson(response, 200, deliveries);
      if (request.method === 'GET' && path === '/_fake/requests') return sendJson(response, 200, requests);

      return stripeError(response, 404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${path}).`);
    } catch (error) {
      if (!response.headersSent) stripeError(response, 500, 'api_error', String(error));
      else response.end();
      return undefined;
    }
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  return {
    url: baseUrl,
    deliveries,
    setWebhookUrl(next) {
      target = next;
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeStripe({
    secretKey: process.env.FAKE_STRIPE_SECRET_KEY,
    webhookSecret: process.env.FAKE_STRIPE_WEBHOOK_SECRET,
    prices: (process.env.FAKE_STRIPE_PRICES ?? '').split(',').filter(Boolean),
    webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL,
  });
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
