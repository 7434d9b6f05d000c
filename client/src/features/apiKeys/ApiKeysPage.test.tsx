import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import ApiKeysPage from './ApiKeysPage';

const secret = 'ba_live_0123456789abcdefghijABCDEFGHIJklmnopqrstu';

function key(overrides: Record<string, unknown> = {}) {
  return {
    id: '0193b0c0-0000-7000-8000-000000000001',
    name: 'n8n flow',
    displayPrefix: secret.slice(0, 12),
    scopes: ['contentRead', 'publish'],
    state: 'active',
    requestsPerMinute: null,
    createdAt: '2026-12-01T10:00:00Z',
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
    ...overrides,
  };
}

function serveKeys() {
  const sent: unknown[] = [];
  let revoked = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === '/api/v1/api-keys') return json([]);
      if (request.method === 'POST' && path === '/api/v1/api-keys') {
        const body = (await request.json()) as { name: string };
        sent.push(body);
        if (body.name === 'taken') return json({ status: 400, title: 'Bad', errors: { name: ['Pick another name.'] } }, 400);
        return json({ key: key({ name: body.name }), secret }, 201);
      }
      if (request.method === 'DELETE' && path.startsWith('/api/v1/api-keys/')) {
        revoked = true;
        return json(key({ state: 'revoked', revokedAt: '2026-12-02T10:00:00Z' }));
      }
      return json({}, 404);
    }),
  );
  return { sent, revoked: () => revoked };
}

describe('ApiKeysPage', () => {
  it('creates a key with the chosen permissions, shows its secret once with copy, and revokes it after confirmation', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const server = serveKeys();
    renderPage(<ApiKeysPage />);
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();

    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), 'n8n flow');
    await user.click(screen.getByRole('checkbox', { name: /Publish/ }));
    await user.selectOptions(screen.getByLabelText('Expires'), 'Never');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const field = await screen.findByLabelText('Your new API key');
    expect(field).toHaveValue(secret);
    expect(server.sent[0]).toEqual({
      name: 'n8n flow',
      scopes: ['contentRead', 'publish'],
      expiresAt: null,
      requestsPerMinute: null,
    });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(secret);

    const list = screen.getByRole('list', { name: 'API keys' });
    expect(within(list).getByText(/Read content, Publish/)).toBeInTheDocument();
    expect(within(list).queryByText(secret)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Your new API key')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: /Revoke/ }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(within(list).getByText('Revoked')).toBeInTheDocument());
    expect(server.revoked()).toBe(true);
  });

  it('checks the form before sending and puts the server’s field errors on the field', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const server = serveKeys();
    renderPage(<ApiKeysPage />);
    const user = userEvent.setup();
    await screen.findByText('No API keys yet');

    await user.click(screen.getByRole('checkbox', { name: /Read content/ }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Give the key a name, e.g. the tool that will use it.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one thing the key may do.')).toBeInTheDocument();
    expect(server.sent).toHaveLength(0);

    await user.type(screen.getByLabelText('Name'), 'taken');
    await user.click(screen.getByRole('checkbox', { name: /Assets/ }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Pick another name.')).toBeInTheDocument();
  });
});
