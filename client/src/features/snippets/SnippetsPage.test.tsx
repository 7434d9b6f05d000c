import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import SnippetsPage from './SnippetsPage';

const brand = {
  id: 'b1',
  name: 'Harbour Bakery',
  description: null,
  industry: null,
  website: null,
  createdAt: '',
  updatedAt: '',
};

function serve(answer: (body: Record<string, string>) => Response) {
  const sent: Record<string, string>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const url = new URL(request.url);
      if (request.method === 'GET') {
        if (url.pathname === '/api/v1/companies') return json([brand]);
        if (url.pathname === '/api/v1/snippets')
          return json({ items: [], templateVariables: ['brand', 'product', 'link', 'website'] });
        return json({}, 404);
      }
      const body = JSON.parse(await request.text());
      sent.push(body);
      return answer(body);
    }),
  );
  return sent;
}

describe('the snippets page', () => {
  it('names unknown template variables before asking the server', async () => {
    const sent = serve(() => json({}, 500));
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(<SnippetsPage />);
    const form = await screen.findByRole('form', { name: 'Add a snippet' });
    const user = userEvent.setup();
    await user.selectOptions(within(form).getByLabelText('Kind'), 'Post template');
    await user.type(within(form).getByLabelText('Name'), 'Launch');
    await user.click(within(form).getByLabelText('Template'));
    await user.paste('New: {prodcut} at {brand}');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(
      await within(form).findByText('Unknown variable {prodcut}: a template can use {brand}, {product}, {link}, {website}.'),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('adds a hashtag group for the brand and shows the server’s refusal on the field it names', async () => {
    const sent = serve((body) =>
      body.name === 'Taken'
        ? problem(400, { errors: { body: ['A group has at most 30 hashtags.'] } })
        : json(
            {
              id: 's1',
              companyId: 'b1',
              kind: 'hashtagGroup',
              name: body.name,
              body: body.body,
              variables: [],
              createdAt: '',
              updatedAt: '',
            },
            201,
          ),
    );
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(<SnippetsPage />);
    const form = await screen.findByRole('form', { name: 'Add a snippet' });
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('Name'), 'Taken');
    await user.type(within(form).getByLabelText('Hashtags'), '#rye');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('A group has at most 30 hashtags.')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Bread');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ companyId: 'b1', kind: 'hashtagGroup', name: 'Bread', body: '#rye' });
    expect(await screen.findByText('Hashtag group “Bread” was added.')).toBeInTheDocument();
  });
});
