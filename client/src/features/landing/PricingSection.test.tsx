import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, renderPage } from '../../test/render';
import { plansKey, readPlans } from './plans';
import { PricingSection } from './PricingSection';

describe('PricingSection', () => {
  it('hides itself while the API has no plans endpoint', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(404, { title: 'Not Found' })),
    );
    const { container, queryClient } = renderPage(<PricingSection />);

    await vi.waitFor(() => expect(queryClient.getQueryState(plansKey)?.status).toBe('success'));
    expect(container.querySelector('#pricing')).toBeNull();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('shows each plan with its monthly price', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json([
          { id: 'basic', name: 'Basic', monthlyPrice: 29, currency: 'usd', features: ['1 brand'] },
          { id: 'pro', name: 'Pro', monthlyPrice: 79, currency: 'usd', features: ['5 brands', 'Automation'] },
          { id: 'enterprise', name: 'Enterprise', monthlyPrice: 199, currency: 'usd', features: ['Unlimited brands'] },
        ]),
      ),
    );
    renderPage(<PricingSection />);

    expect(await screen.findByRole('heading', { name: 'Pro' })).toBeInTheDocument();
    expect(screen.getByText('$79')).toBeInTheDocument();
    expect(screen.getByText('Most popular')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start with Enterprise' })).toHaveAttribute('href', '/sign-up');
  });

  it('offers a retry when the plans could not be reached', async () => {
    const fetchMock = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json([{ id: 'basic', name: 'Basic', monthlyPrice: 29 }]));
    vi.stubGlobal('fetch', fetchMock);
    renderPage(<PricingSection />);

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Basic' })).toBeInTheDocument();
  });
});

describe('readPlans', () => {
  it('accepts a list or an object holding one, and prices in cents', () => {
    expect(readPlans({ plans: [{ code: 'pro', name: 'Pro', priceMonthlyCents: 7900, monthlyPriceCents: 7900 }] })).toEqual([
      { id: 'pro', name: 'Pro', monthlyPrice: 79, currency: 'USD', description: null, features: [] },
    ]);
  });

  it('drops entries it cannot show', () => {
    expect(readPlans([{ id: 'x' }, null, 'Basic'])).toEqual([]);
    expect(readPlans('nonsense')).toEqual([]);
  });
});
