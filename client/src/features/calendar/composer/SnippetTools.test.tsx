import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../../api';
import { authResponse, json, renderPage } from '../../../test/render';
import { Composer } from '../Composer';
import { post } from '../testData';

const brand = {
  id: '0192a7c4-0000-7000-8000-0000000000b1',
  name: 'Harbour Bakery',
  description: null,
  industry: 'Bakery',
  website: 'https://harbour.example',
  createdAt: '2026-10-01T10:00:00Z',
  updatedAt: '2026-10-01T10:00:00Z',
};

const snippet = (id: string, kind: string, name: string, body: string, variables: string[] = []) => ({
  id,
  companyId: brand.id,
  kind,
  name,
  body,
  variables,
  createdAt: '2026-10-01T10:00:00Z',
  updatedAt: '2026-10-01T10:00:00Z',
});

const snippets = {
  items: [
    snippet('s1', 'hashtagGroup', 'Bread lovers', '#sourdough #rye'),
    snippet('s2', 'signature', 'Sign-off', 'Baked at dawn, the Harbour team'),
    snippet('s3', 'template', 'Launch', 'New at {brand}: {product}. Order at {link}', ['brand', 'product', 'link']),
  ],
  templateVariables: ['brand', 'product', 'link', 'website'],
};

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** The API with one brand and its snippets; saving a post answers with it, saving its link settings echoes them. */
function serve() {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const url = new URL(request.url);
      if (request.method === 'GET') {
        if (url.pathname === '/api/v1/companies') return json([brand]);
        if (url.pathname === '/api/v1/snippets' && url.searchParams.get('companyId') === brand.id) return json(snippets);
        if (url.pathname === '/api/v1/assets') return json({ items: [], page: 1, pageSize: 100, total: 0 });
        return json({}, 404);
      }
      if (url.pathname === '/api/v1/brand-guard/check')
        return json({ variants: [], blocking: false, offline: true, method: '', ruleCount: 0 });
      const text = await request.text();
      const body = text ? JSON.parse(text) : undefined;
      sent.push({ method: request.method, path: url.pathname, body });
      if (url.pathname === '/api/v1/content') return json(post({ id: 'p9', state: 'draft', title: 'Launch' }), 201);
      if (url.pathname === '/api/v1/content/p9/links') {
        return json({ contentItemId: 'p9', ...body, defaultCampaign: 'harbour-bakery', totalClicks: 0, links: [] });
      }
      return json({}, 500);
    }),
  );
  return sent;
}

async function openWithBrand() {
  sessionStore.set(authResponse({ role: 'editor' }));
  renderPage(<Composer open onClose={() => {}} timeZone="Europe/Berlin" approvalRequired={false} defaultAt="2026-10-24T09:00" />);
  const user = userEvent.setup();
  await screen.findByRole('option', { name: brand.name });
  await user.selectOptions(screen.getByRole('combobox', { name: /^Brand/ }), brand.name);
  return user;
}

describe('snippets and templates in the composer', () => {
  it('asks for a brand first, then inserts a hashtag group and a signature at the end of the text', async () => {
    serve();
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(<Composer open onClose={() => {}} timeZone="Europe/Berlin" approvalRequired={false} />);
    expect(await screen.findByText('Choose a brand to insert its hashtag groups, signatures and templates.')).toBeInTheDocument();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: brand.name });
    await user.selectOptions(screen.getByRole('combobox', { name: /^Brand/ }), brand.name);

    await user.click(screen.getByLabelText('Text'));
    await user.paste('Rye is back on Friday.');
    await user.click(await screen.findByRole('button', { name: 'Insert' }));
    await user.click(screen.getByRole('button', { name: 'Insert hashtag group Bread lovers' }));
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    await user.click(screen.getByRole('button', { name: 'Insert signature Sign-off' }));
    expect(screen.getByLabelText('Text')).toHaveValue(
      'Rye is back on Friday.\n\n#sourdough #rye\n\nBaked at dawn, the Harbour team',
    );
  });

  it('starts from a template with the brand filled in and asks for the product and the link', async () => {
    serve();
    const user = await openWithBrand();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start from template' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Start from template' }));
    const picker = await screen.findByRole('dialog', { name: 'Start from a template' });
    await user.click(within(picker).getByRole('button', { name: 'Use template' }));
    expect(await within(picker).findByText('Name the product.')).toBeInTheDocument();
    expect(within(picker).getByText('Give the full address, starting with https://.')).toBeInTheDocument();

    await user.type(within(picker).getByLabelText('Product'), 'Rye sourdough');
    await user.type(within(picker).getByLabelText('Link', { exact: false }), 'https://harbour.example/rye');
    expect(
      within(picker).getByText('New at Harbour Bakery: Rye sourdough. Order at https://harbour.example/rye'),
    ).toBeInTheDocument();
    await user.click(within(picker).getByRole('button', { name: 'Use template' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Text')).toHaveValue(
        'New at Harbour Bakery: Rye sourdough. Order at https://harbour.example/rye',
      ),
    );
    expect(screen.getByLabelText('Title')).toHaveValue('Launch');
  });

  it('saves “Shorten links” and its campaign on the post after the post itself', async () => {
    const sent = serve();
    const user = await openWithBrand();
    await user.type(screen.getByLabelText('Title'), 'Launch');
    await user.click(screen.getByLabelText('Text'));
    await user.paste('Order at https://harbour.example/rye');
    await user.click(screen.getByRole('switch', { name: 'Shorten links' }));
    await user.type(screen.getByLabelText('Campaign', { exact: false }), 'Winter rye');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(sent.map((call) => `${call.method} ${call.path}`)).toContain('PUT /api/v1/content/p9/links'));
    expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v1/content', 'PUT /api/v1/content/p9/links']);
    expect(sent[1]?.body).toEqual({ shortenLinks: true, campaign: 'Winter rye' });
  });
});
