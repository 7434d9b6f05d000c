import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore, type SocialProfileKit } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import ProfileKitsPage from './ProfileKitsPage';

const brand = {
  id: 'b1',
  name: 'Northwind Coffee',
  description: 'Single-origin beans',
  industry: 'Coffee',
  website: 'https://northwind.example',
  createdAt: '2026-11-26T09:00:00Z',
  updatedAt: '2026-11-26T09:00:00Z',
};

const kit: SocialProfileKit = {
  id: 'k1',
  companyId: 'b1',
  platform: 'x',
  platformName: 'X',
  displayName: 'Northwind Coffee',
  maxDisplayNameLength: 50,
  handles: ['northwindcoffee', 'northwind_coffee'],
  handleRule: '5-15 characters: a-z A-Z 0-9 _',
  handleUrlPrefix: 'https://x.com/',
  texts: [
    { key: 'bio', label: 'Bio', text: 'Beans roasted to order. Follow along.', maxLength: 160, length: 37, shortened: false },
  ],
  avatar: { label: 'Profile photo', width: 400, height: 400, url: 'https://files.test/a.png' },
  banner: { label: 'Header', width: 1500, height: 500, url: 'https://files.test/b.png' },
  link: 'https://northwind.example',
  source: {
    provider: 'offline',
    model: 'offline-templates',
    offline: true,
    note: 'Offline mode: assembled by templates.',
    cached: false,
  },
  version: 1,
  canPush: false,
  pushedAt: null,
  pushResult: null,
  taskId: 't1',
  remainingSteps: ['Create the X account named "Northwind Coffee".', 'Upload the profile photo (400x400 px).'],
  createdAt: '2026-11-26T09:00:00Z',
  updatedAt: '2026-11-26T09:00:00Z',
};

function serve(onCreate: (body: { companyId: string; platforms: string[] }) => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/companies') return json([brand]);
      if (path === '/api/v1/automation/social-profiles') return json([]);
      if (path === '/api/v1/automation/create-social-profiles' && request.method === 'POST')
        return onCreate(await request.json());
      return json({}, 404);
    }),
  );
}

describe('ProfileKitsPage', () => {
  it('generates kits for the chosen networks and shows images, counters, handles and the steps left', async () => {
    sessionStore.set(authResponse({ role: 'editor' }));
    const asked: string[][] = [];
    serve((body) => {
      asked.push(body.platforms);
      return json([kit]);
    });
    renderPage(<ProfileKitsPage />);

    await screen.findByText('No kits yet');
    for (const name of [
      'LinkedIn',
      'Facebook',
      'Instagram',
      'Google Business Profile',
      'Bluesky',
      'Threads',
      'Pinterest',
      'YouTube',
      'TikTok',
    ]) {
      await userEvent.click(screen.getByRole('checkbox', { name }));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Generate kits' }));

    const card = (await screen.findByRole('heading', { name: 'X' })).closest('li')!;
    expect(asked).toEqual([['x']]);
    expect(within(card).getByRole('img', { name: /Profile photo for Northwind Coffee, 400 by 400 pixels/ })).toHaveAttribute(
      'src',
      kit.avatar.url,
    );
    expect(within(card).getByRole('img', { name: /Header for Northwind Coffee, 1500 by 500 pixels/ })).toBeInTheDocument();
    expect(within(card).getByLabelText('37 of 160 characters')).toBeInTheDocument();
    expect(within(card).getByText('@northwindcoffee')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Copy Bio' })).toBeInTheDocument();
    expect(within(card).getByText('Offline texts')).toBeInTheDocument();
    expect(within(card).getByText('Upload the profile photo (400x400 px).')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Push to/ })).not.toBeInTheDocument();
  });

  it("shows the server's reason when generating is refused", async () => {
    sessionStore.set(authResponse({ role: 'editor' }));
    serve(() => problem(402, { title: 'Your plan does not include this.', detail: 'Automation is part of the Pro plan.' }));
    renderPage(<ProfileKitsPage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Generate kits' }));

    expect(await screen.findByText('Automation is part of the Pro plan.')).toBeInTheDocument();
  });
});
