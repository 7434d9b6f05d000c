import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import CalendarLinkPage from './CalendarLinkPage';

function serveTokens() {
  let issued = 0;
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/content/calendar-token') {
      issued++;
      const token = `cal.t.u.secret${issued}`;
      return json({ token, feedUrl: `http://localhost/api/v1/content/calendar.ics?token=${token}` });
    }
    return json({}, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return () => issued;
}

describe('CalendarLinkPage', () => {
  it('makes the link after a confirmation, copies it, and replaces it only when confirmed again', async () => {
    sessionStore.set(authResponse({ role: 'viewer' }));
    const issued = serveTokens();
    renderPage(<CalendarLinkPage />);
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();

    await user.click(screen.getByRole('button', { name: 'Get my calendar link' }));
    const first = await screen.findByRole('dialog', { name: 'Make a calendar link?' });
    await user.click(within(first).getByRole('button', { name: 'Make link' }));

    const address = await screen.findByLabelText('Subscription address');
    expect(address).toHaveValue('http://localhost/api/v1/content/calendar.ics?token=cal.t.u.secret1');
    expect(screen.getByRole('link', { name: 'Open in your calendar app' })).toHaveAttribute(
      'href',
      'webcal://localhost/api/v1/content/calendar.ics?token=cal.t.u.secret1',
    );
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('http://localhost/api/v1/content/calendar.ics?token=cal.t.u.secret1');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Make a new link' }));
    const second = await screen.findByRole('dialog', { name: 'Replace your calendar link?' });
    expect(second).toHaveTextContent('The current link stops working at once');
    await user.click(within(second).getByRole('button', { name: 'Cancel' }));
    expect(issued()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Make a new link' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Replace link' }));
    await waitFor(() => expect(address).toHaveValue('http://localhost/api/v1/content/calendar.ics?token=cal.t.u.secret2'));
    expect(issued()).toBe(2);
  });
});
