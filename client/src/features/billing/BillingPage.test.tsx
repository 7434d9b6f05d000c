import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore, type PlanList, type SubscriptionStatus } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import BillingPage from './BillingPage';

const limits = { brands: 5, monthlyAiRequests: 2000, automation: true, advancedAi: true, team: false, prioritySupport: false };
const plans: PlanList = {
  billingEnabled: true,
  plans: [
    {
      code: 'basic',
      name: 'Basic',
      monthlyPriceUsd: 29,
      limits: { ...limits, brands: 1, monthlyAiRequests: 200, automation: false, advancedAi: false },
    },
    { code: 'pro', name: 'Pro', monthlyPriceUsd: 79, limits },
  ],
};

function status(overrides: Partial<SubscriptionStatus> = {}): SubscriptionStatus {
  return {
    billingEnabled: true,
    access: 'locked',
    plan: null,
    planName: 'No plan',
    status: 'none',
    paidFeaturesLocked: true,
    limits: { ...limits, brands: 0 },
    usage: { brands: 0 },
    summary: 'No active subscription: paid features are locked.',
    ...overrides,
  };
}

function serve(current: SubscriptionStatus, list: PlanList, onPost: (request: Request) => Response) {
  const posts: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (request.method === 'POST') {
        posts.push(request.clone());
        return onPost(request);
      }
      if (path === '/api/v1/subscriptions/status') return json(current);
      if (path === '/api/v1/subscriptions/plans') return json(list);
      if (path === '/api/v1/subscriptions/invoices') {
        return json({ billingEnabled: current.billingEnabled, hasCustomer: false, invoices: [], refreshedAt: null });
      }
      return json({}, 404);
    }),
  );
  return posts;
}

describe('BillingPage', () => {
  it('says billing is off on a self-hosted instance and offers nothing to buy', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    serve(
      status({
        billingEnabled: false,
        access: 'selfHosted',
        plan: 'enterprise',
        planName: 'Enterprise',
        paidFeaturesLocked: false,
        limits: { ...limits, brands: null, team: true },
        usage: { brands: 2 },
        summary: 'Billing is off on this self-hosted instance: the Enterprise plan applies to every tenant.',
      }),
      { ...plans, billingEnabled: false, selfHostedPlan: 'enterprise' },
      () => json({}, 500),
    );
    renderPage(<BillingPage />, { path: '/app/settings/billing' });

    expect(await screen.findByText('Billing is off on this self-hosted instance')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Enterprise' })).toBeInTheDocument();
    expect(screen.getByText('2 · unlimited')).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Pro' });
    expect(screen.queryByRole('button', { name: /Choose/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Manage billing' })).not.toBeInTheDocument();
  });

  it('sends an admin to Checkout with an idempotency key, the same one when asked again', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, origin: window.location.origin, href: window.location.href });
    let attempt = 0;
    const posts = serve(status(), plans, () =>
      ++attempt === 1
        ? problem(502, { title: 'Stripe did not complete the request.' })
        : json({ url: 'https://checkout.example/s/1' }),
    );
    renderPage(<BillingPage />, { path: '/app/settings/billing' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Choose Pro' }));
    expect(await screen.findByText('Something went wrong on our side. Try again in a moment.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Choose Pro' }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.example/s/1'));
    expect(posts.map((p) => new URL(p.url).pathname)).toEqual([
      '/api/v1/subscriptions/create-session',
      '/api/v1/subscriptions/create-session',
    ]);
    expect(await posts[0]!.json()).toEqual({ plan: 'pro' });
    const key = posts[0]!.headers.get('Idempotency-Key');
    expect(key).toBeTruthy();
    expect(posts[1]!.headers.get('Idempotency-Key')).toBe(key);
  });

  it('tells a buyer back from a cancelled Checkout that nothing was charged', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    serve(status(), plans, () => json({}, 500));
    renderPage(<BillingPage />, { path: '/app/settings/billing', url: '/app/settings/billing?checkout=cancelled' });

    expect(await screen.findByText('Checkout was cancelled')).toBeInTheDocument();
    expect(screen.getByText('Nothing was charged and your plan is unchanged.')).toBeInTheDocument();
  });

  it('confirms the subscription once Stripe has told the server', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    serve(
      status({ access: 'subscribed', plan: 'pro', planName: 'Pro', status: 'active', paidFeaturesLocked: false }),
      plans,
      () => json({}, 500),
    );
    renderPage(<BillingPage />, {
      path: '/app/settings/billing',
      url: '/app/settings/billing?checkout=success&session_id=cs_1',
    });

    expect(await screen.findByText('Thank you: your subscription is active')).toBeInTheDocument();
    expect(await screen.findByText('Current plan', { selector: 'span' })).toBeInTheDocument();
  });
});
