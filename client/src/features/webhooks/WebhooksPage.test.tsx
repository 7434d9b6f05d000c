import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import WebhooksPage from './WebhooksPage';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwAbCdEfGhIjK=';

const eventTypes = [
  { type: 'post.published', label: 'Post published', description: 'A post went out on every network it names.' },
  { type: 'approval.requested', label: 'Approval requested', description: 'A post was submitted for review.' },
];

function endpoint(overrides: Record<string, unknown> = {}) {
  return {
    id: '0193b0c0-0000-7000-8000-000000000009',
    url: 'https://hooks.example.com/brand',
    description: 'Order system',
    events: ['post.published'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    consecutiveFailures: 0,
    lastSuccessAt: null,
    createdAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}

const attempt = {
  id: '0193b0c0-0000-7000-8000-0000000000a1',
  deliveryId: '0193b0c0-0000-7000-8000-0000000000d1',
  eventId: 'evt_0193b0c000007000800000000000e001',
  eventType: 'webhook.test',
  eventLabel: 'Test event',
  attempt: 1,
  startedAt: '2026-12-01T10:05:00Z',
  durationMs: 42,
  statusCode: 500,
  succeeded: false,
  error: 'The receiver answered 500 Internal Server Error; only 2xx counts as received.',
  deliveryState: 'pending',
  nextAttemptAt: '2026-12-01T10:05:30Z',
};

function serve(endpoints: unknown[] = []) {
  const sent: { method: string; path: string; body?: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      const body = request.method === 'POST' || request.method === 'PUT' ? await request.text() : '';
      sent.push({ method: request.method, path, body: body ? JSON.parse(body) : undefined });
      if (request.method === 'GET' && path === '/api/v1/webhooks') return json({ endpoints, eventTypes });
      if (request.method === 'POST' && path === '/api/v1/webhooks') {
        const values = JSON.parse(body) as { url: string; events: string[] };
        if (values.url.includes('10.0.0.1'))
          return json({ status: 400, title: 'Bad', errors: { url: ['Webhooks go only to public addresses.'] } }, 400);
        return json({ endpoint: endpoint({ url: values.url, events: values.events }), secret }, 201);
      }
      if (request.method === 'GET' && path.endsWith('/attempts')) return json([attempt]);
      if (request.method === 'POST' && path.endsWith('/redeliver')) return json({ id: attempt.deliveryId }, 202);
      if (request.method === 'POST' && path.endsWith('/test')) return json({ id: attempt.deliveryId }, 202);
      return json({}, 404);
    }),
  );
  return sent;
}

describe('WebhooksPage', () => {
  it('adds an endpoint with events chosen in words and shows its secret once', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const sent = serve();
    renderPage(<WebhooksPage />);
    const user = userEvent.setup();

    expect(await screen.findByText('No endpoints yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findByText('Give the address that receives the events.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one event to send.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Address'), 'https://10.0.0.1/hooks');
    await user.click(screen.getByRole('checkbox', { name: /Post published/ }));
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findByText('Webhooks go only to public addresses.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Address'));
    await user.type(screen.getByLabelText('Address'), 'https://hooks.example.com/brand');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findByLabelText(/Signing secret for/)).toHaveValue(secret);
    expect(sent.filter((s) => s.method === 'POST').at(-1)?.body).toEqual({
      url: 'https://hooks.example.com/brand',
      description: null,
      events: ['post.published'],
    });
    const list = screen.getByRole('list', { name: 'Webhook endpoints' });
    expect(within(list).getByText(/Post published/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument();
  });

  it('shows the delivery log in words and sends a delivery again', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const sent = serve([endpoint()]);
    renderPage(<WebhooksPage />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Delivery log' }));
    const log = await screen.findByRole('list', { name: 'Delivery log' });
    expect(within(log).getByText(/The receiver answered 500 Internal Server Error/)).toBeInTheDocument();
    expect(within(log).getByText(/Attempt 1/)).toBeInTheDocument();
    expect(within(log).queryByText(/webhook\.test|pending/)).not.toBeInTheDocument();

    await user.click(within(log).getByRole('button', { name: /Send again/ }));
    await waitFor(() => expect(sent.some((s) => s.path.endsWith('/redeliver'))).toBe(true));
  });
});
