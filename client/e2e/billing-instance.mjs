// The API with billing on, for the journeys that buy a plan (file names containing "checkout"). It runs beside the
// main instance rather than instead of it: with billing on every new workspace starts with no plan (paid features
// locked), while the other journeys exercise a self-hosted instance, where billing is off and every workspace has the
// self-hosted plan (setup.test.mjs checks exactly that). Its Stripe is the local fake in fakes/stripe.mjs.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const fakeScript = fileURLToPath(new URL('./fakes/stripe.mjs', import.meta.url));

export const stripeKeys = { secretKey: 'sk_test_e2e_fake_stripe', webhookSecret: 'whsec_e2e_fake_stripe_signing_secret' };
export const stripePrices = {
  basic: 'price_e2e_basic_monthly',
  pro: 'price_e2e_pro_monthly',
  enterprise: 'price_e2e_enterprise_monthly',
};

const priceCents = { basic: 2900, pro: 7900, enterprise: 19900 };

/** True when some of the journey files about to run need billing on. */
export function needsBilling(files) {
  return files.some((file) => path.basename(file).includes('checkout'));
}

/**
 * Starts the fake Stripe, then a second API on its own port and data folder with billing pointed at it. Resolves with
 * the environment the journeys read (E2E_BILLING_BASE_URL, E2E_BILLING_DATA_DIR, E2E_STRIPE_URL) and `stop`.
 * `helpers` are run.mjs's own (free port, readiness, graceful stop), so both instances start and stop alike.
 */
export async function startBillingInstance({ dll, cwd, work, env, freePort, waitUntilReady, stopApi }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const stripe = await startFakeProcess(`${url}/api/v1/subscriptions/webhook`);
  const dataDir = path.join(work, 'billing-data');
  const logPath = path.join(work, 'billing-api.log');
  const log = createWriteStream(logPath);

  console.log(`==> Starting the billing API on ${url} (fake Stripe on ${stripe.url})`);
  const api = spawn('dotnet', [dll, '--urls', url, `--Embedded:DataDirectory=${dataDir}`], {
    cwd,
    env: {
      ...env,
      Email__PublicBaseUrl: url,
      Billing__StripeSecretKey: stripeKeys.secretKey,
      Billing__StripeWebhookSecret: stripeKeys.webhookSecret,
      Billing__StripeApiBase: stripe.url,
      Billing__Plans__basic__StripePriceId: stripePrices.basic,
      Billing__Plans__pro__StripePriceId: stripePrices.pro,
      Billing__Plans__enterprise__StripePriceId: stripePrices.enterprise,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout.pipe(log);
  api.stderr.pipe(log);

  const stop = async () => {
    await stopApi(api);
    await stripe.stop();
  };
  if (!(await waitUntilReady(url, api, 120))) {
    await stop();
    throw new Error('The billing API did not become ready. Its log:\n' + readFileSync(logPath, 'utf8'));
  }
  return {
    env: { E2E_BILLING_BASE_URL: url, E2E_BILLING_DATA_DIR: dataDir, E2E_STRIPE_URL: stripe.url },
    logPath,
    stop,
  };
}

/** The fake Stripe in its own node process (see fakes/stripe.mjs): resolves once it listens, with its address. */
function startFakeProcess(webhookUrl) {
  const child = spawn(process.execPath, [fakeScript], {
    env: {
      ...process.env,
      FAKE_STRIPE_SECRET_KEY: stripeKeys.secretKey,
      FAKE_STRIPE_WEBHOOK_SECRET: stripeKeys.webhookSecret,
      // Each price with its monthly amount in cents, as the plans list them ($29, $79, $199).
      FAKE_STRIPE_PRICES: Object.entries(stripePrices)
        .map(([plan, price]) => `${price}:${priceCents[plan]}`)
        .join(','),
      FAKE_STRIPE_WEBHOOK_URL: webhookUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The fake Stripe exited (${code}) before it listened.`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ url: JSON.parse(line).url, stop }));
  });
}
