import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore, type BillingHistory } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import { BillingHistorySection } from './BillingHistorySection';
import { setDisplayTimeZone } from '../../lib/format';
import { formatMoney } from './historyApi';

const history: BillingHistory = {
  billingEnabled: true,
  hasCustomer: true,
  invoices: [
    {
      id: 'in_2',
      number: 'QC-0002',
      status: 'open',
      issuedAt: '2026-12-01T09:00:00Z',
      total: 79,
      amountDue: 79,
      amountPaid: 0,
      currency: 'USD',
      hostedInvoiceUrl: 'https://invoice.stripe.test/i/in_2',
      pdfUrl: 'https://pay.stripe.test/invoice/in_2/pdf',
    },
    {
      id: 'in_1',
      number: 'QC-0001',
      status: 'paid',
      issuedAt: '2026-11-01T09:00:00Z',
      paidAt: '2026-11-01T09:00:05Z',
      total: 1200,
      amountDue: 1200,
      amountPaid: 1200,
      currency: 'JPY',
      hostedInvoiceUrl: 'https://invoice.stripe.test/i/in_1',
      pdfUrl: null,
    },
  ],
  paymentMethod: { brand: 'amex', brandName: 'American Express', last4: '0005' },
  nextInvoice: { at: '2027-01-01T09:00:00Z', amount: 79, currency: 'USD' },
  refreshedAt: '2026-12-01T10:00:00Z',
};

function serve(answer: BillingHistory, refreshed: BillingHistory = answer) {
  const posts: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path === '/api/v1/subscriptions/invoices/refresh') {
        posts.push(path);
        return json(refreshed);
      }
      if (path === '/api/v1/subscriptions/invoices') return json(answer);
      return json({}, 404);
    }),
  );
  return posts;
}

describe('BillingHistorySection', () => {
  // Dates are shown in the workspace's zone: pinned, so the days asserted hold wherever the tests run.
  beforeEach(() => setDisplayTimeZone('UTC'));

  it('lists invoices with money in the reader’s format, dates and statuses in words, and links that open Stripe', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const posts = serve(history);
    renderPage(<BillingHistorySection />);

    const list = await screen.findByRole('list', { name: 'Invoices' });
    const [open, paid] = within(list).getAllByRole('listitem');
    if (!open || !paid) throw new Error('Two invoices were expected.');
    expect(within(open).getByText('QC-0002')).toBeInTheDocument();
    expect(within(open).getByText(formatMoney(79, 'USD'))).toBeInTheDocument();
    expect(within(open).getByText('Awaiting payment')).toBeInTheDocument();
    expect(within(open).getByText(/December 1, 2026|1 December 2026/)).toBeInTheDocument();
    expect(within(paid).getByText(/November 1, 2026|1 November 2026/)).toBeInTheDocument();
    expect(within(open).getByRole('link', { name: 'View Invoice QC-0002 (opens in a new tab)' })).toHaveAttribute(
      'href',
      'https://invoice.stripe.test/i/in_2',
    );
    expect(within(open).getByRole('link', { name: 'Download Invoice QC-0002 as PDF (opens in a new tab)' })).toHaveAttribute(
      'target',
      '_blank',
    );
    expect(within(paid).getByText('Paid')).toBeInTheDocument();
    expect(within(paid).getByText(formatMoney(1200, 'JPY'))).toBeInTheDocument();
    expect(within(paid).queryByRole('link', { name: /PDF/ })).not.toBeInTheDocument();
    expect(screen.getByText('American Express ending in 0005')).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(`^${formatMoney(79, 'USD').replace('$', '\\$')} on (January 1, 2027|1 January 2027)$`)),
    ).toBeInTheDocument();
    expect(screen.queryByText(/paid|open|uncollectible/)).not.toBeInTheDocument();
    expect(posts).toEqual([]);
  });

  it('reads the card and next invoice from Stripe once when they were never read, and on request', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const posts = serve({ ...history, paymentMethod: undefined, nextInvoice: undefined, refreshedAt: null }, history);
    renderPage(<BillingHistorySection />);

    await screen.findByText('American Express ending in 0005');
    expect(posts).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh from Stripe' }));
    await waitFor(() => expect(posts).toHaveLength(2));
  });

  it('says there is nothing yet for a workspace that never paid', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const posts = serve({ billingEnabled: true, hasCustomer: false, invoices: [], refreshedAt: null });
    renderPage(<BillingHistorySection />);

    expect(await screen.findByText(/No invoices yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh from Stripe' })).not.toBeInTheDocument();
    expect(posts).toEqual([]);
  });
});
