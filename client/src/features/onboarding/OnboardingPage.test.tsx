import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore, type CompanyProfile, type OnboardingProgress } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import OnboardingPage from './OnboardingPage';

const company: CompanyProfile = {
  id: 'c1',
  name: 'Northwind Trail',
  description: null,
  industry: 'Outdoor apparel',
  website: null,
  targetAudience: 'Trail runners',
  coreProblem: 'Gear that wears out',
  brandVoice: null,
  vision: null,
  mission: null,
  values: [],
  positioningStatement: null,
  logoAssetId: null,
  brandColours: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function progress(overrides: Partial<OnboardingProgress> = {}): OnboardingProgress {
  return {
    currentStep: 3,
    completedSteps: [1, 2],
    completed: false,
    completedAt: null,
    companyId: 'c1',
    company,
    ...overrides,
  };
}

type Handler = (request: Request, body: unknown) => Response | undefined;

/** A fake API: `handler` answers what it knows; GET progress answers `initial` unless the handler does. */
function serve(initial: OnboardingProgress, handler: Handler = () => undefined) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      const path = new URL(request.url).pathname;
      const text = request.method === 'GET' ? '' : await request.text();
      const body = text ? JSON.parse(text) : undefined;
      calls.push({ method: request.method, path, body });
      const answer = handler(request, body);
      if (answer) return answer;
      if (path === '/api/v1/onboarding/progress' && request.method === 'GET') return json(initial);
      if (path === '/api/v1/onboarding/progress' && request.method === 'PUT')
        return json({ ...initial, currentStep: (body as { currentStep: number }).currentStep });
      if (path === '/api/v1/assets') return json({ items: [], page: 1, pageSize: 48, total: 0 });
      return json({ title: 'Not found.' }, 404);
    }),
  );
  return calls;
}

function signIn(role = 'editor') {
  sessionStore.set(authResponse({ role }));
}

const render = (url = '/app/onboarding') => renderPage(<OnboardingPage />, { path: '/app/onboarding', url });

describe('onboarding wizard', () => {
  it('resumes at the step the server says the user is on, with the finished steps marked', async () => {
    signIn();
    serve(progress());
    render();

    expect(await screen.findByRole('heading', { level: 2, name: 'Brand voice' })).toBeInTheDocument();
    const stepper = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(within(stepper).getByText('2 of 5 steps done')).toBeInTheDocument();
    expect(within(stepper).getByRole('button', { name: /Company basics.*, done/ })).toBeInTheDocument();
    expect(within(stepper).getByRole('button', { name: /Audience.*, done/ })).toBeInTheDocument();
    expect(within(stepper).getByRole('button', { name: /Brand voice/ })).toHaveAttribute('aria-current', 'step');
    expect(within(stepper).getByRole('button', { name: /Strategy/ })).not.toHaveAccessibleName(/done/);
  });

  it('starts at step 1, with the later steps closed, before the company exists', async () => {
    signIn();
    serve(progress({ currentStep: 1, completedSteps: [], companyId: null, company: undefined }));
    render();

    expect(await screen.findByRole('heading', { level: 2, name: 'Company basics' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Audience/ })).toBeDisabled();
  });

  it('checks a step’s rules before asking the server', async () => {
    signIn();
    const calls = serve(progress({ currentStep: 1, completedSteps: [], companyId: null, company: undefined }));
    render();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Save and continue' }));

    expect(await screen.findByText('Enter the company name.')).toBeInTheDocument();
    expect(screen.getByLabelText('Company name')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText(/Website/), 'northwind.example');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByText('Enter a full web address starting with https://.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('creates the company with step 1, then moves on to step 2', async () => {
    signIn();
    const start = progress({ currentStep: 1, completedSteps: [], companyId: null, company: undefined });
    const calls = serve(start, (request) =>
      request.method === 'POST'
        ? json(
            progress({ currentStep: 2, completedSteps: [1], company: { ...company, targetAudience: null, coreProblem: null } }),
            201,
          )
        : undefined,
    );
    render();
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Company name'), '  Northwind Trail ');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Audience' })).toBeInTheDocument();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.path).toBe('/api/v1/onboarding/company');
    expect(post.body).toEqual({ basics: { name: 'Northwind Trail', industry: null, website: null, description: null } });
    // The server already moved to step 2: no second call to say so.
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('remembers on the server the step the user moves to', async () => {
    signIn();
    const calls = serve(progress());
    render();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Back' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Audience' })).toBeInTheDocument();
    expect(screen.getByLabelText('Target audience')).toHaveValue('Trail runners');
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'PUT', path: '/api/v1/onboarding/progress', body: { currentStep: 2 } }),
    );
  });

  it('keeps what was typed in a step the user leaves without saving', async () => {
    signIn();
    serve(progress());
    render();
    const user = userEvent.setup();

    await user.type(await screen.findByRole('textbox', { name: 'Brand voice' }), 'Warm and direct');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { level: 2, name: 'Audience' });
    await user.click(screen.getByRole('button', { name: /Brand voice/ }));

    expect(await screen.findByRole('textbox', { name: 'Brand voice' })).toHaveValue('Warm and direct');
  });

  it('puts the server’s errors on the nested fields they name', async () => {
    signIn();
    const strategy = progress({
      currentStep: 4,
      completedSteps: [1, 2, 3, 5],
      company: {
        ...company,
        vision: 'Trails for everyone',
        mission: 'Make gear that lasts',
        positioningStatement: 'For trail runners who go far',
        values: [
          { name: 'Built to last', description: 'We repair before we replace.' },
          { name: 'Open trails', description: 'We keep paths open.' },
        ],
      },
    });
    serve(strategy, (request) =>
      request.method === 'PUT' && new URL(request.url).pathname === '/api/v1/onboarding/company'
        ? problem(400, {
            errors: {
              'strategy.values[1].name': ['values[1].name must have 1 to 60 characters.'],
              'strategy.mission': ['Mission is too vague.'],
              body: ['Something the form has no field for.'],
            },
          })
        : undefined,
    );
    render();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Save and finish' }));

    const secondName = await screen.findByLabelText('Name of value 2');
    await waitFor(() => expect(secondName).toHaveAttribute('aria-invalid', 'true'));
    expect(secondName).toHaveAccessibleDescription('values[1].name must have 1 to 60 characters.');
    expect(secondName).toHaveFocus();
    expect(screen.getByLabelText('Name of value 1')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Mission')).toHaveAccessibleDescription('Mission is too vague.');
    expect(screen.getByRole('alert')).toHaveTextContent('Something the form has no field for.');
    // Still on the strategy step, nothing lost.
    expect(screen.getByRole('heading', { level: 2, name: 'Strategy' })).toBeInTheDocument();
    expect(screen.getByLabelText('Vision')).toHaveValue('Trails for everyone');
  });

  it('keeps values as an editable list with the server’s rules', async () => {
    signIn();
    serve(progress({ currentStep: 4, completedSteps: [1, 2, 3, 5] }));
    render();
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Name of value 1'), 'Honest');
    await user.click(screen.getByRole('button', { name: 'Add a value' }));
    await user.type(screen.getByLabelText('Name of value 2'), 'honest');
    await user.click(screen.getByRole('button', { name: 'Save and finish' }));

    expect(await screen.findByText('Each value has its own name.')).toBeInTheDocument();
    expect(screen.getAllByText('Enter what the value means in practice.')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove value 2' }));
    expect(screen.queryByLabelText('Name of value 2')).not.toBeInTheDocument();
  });

  it('shows the brand colours’ server errors on the colour they name', async () => {
    signIn();
    serve(
      progress({
        currentStep: 5,
        completedSteps: [1, 2, 3],
        company: { ...company, brandColours: ['#4F46E5', '#0F172A'] },
      }),
      (request) =>
        request.method === 'PUT' && new URL(request.url).pathname === '/api/v1/onboarding/company'
          ? problem(400, { errors: { 'identity.brandColours[1]': ['Colours are written #RRGGBB.'] } })
          : undefined,
    );
    render();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Save and continue' }));

    const second = await screen.findByLabelText('Colour 2 as #RRGGBB');
    await waitFor(() => expect(second).toHaveAttribute('aria-invalid', 'true'));
    expect(second).toHaveAccessibleDescription('Colours are written #RRGGBB.');
    expect(screen.getByLabelText('Colour 1 as #RRGGBB')).not.toHaveAttribute('aria-invalid');
  });

  it('walks the files before the strategy, so that the AI draft can use them', async () => {
    signIn();
    serve(progress({ currentStep: 4, completedSteps: [1, 2, 3] }));
    render();
    const user = userEvent.setup();

    expect(await screen.findByText('Step 5 of 5')).toBeInTheDocument();
    const stepper = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(
      within(stepper)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      expect.stringContaining('Company basics'),
      expect.stringContaining('Audience'),
      expect.stringContaining('Brand voice'),
      expect.stringContaining('Logo, colours and files'),
      expect.stringContaining('Strategy'),
    ]);
    // A tenant who reached the strategy before the files moved ahead of it is told, and taken there in one click.
    await user.click(screen.getByRole('button', { name: 'Upload your files first' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Logo, colours and files' })).toBeInTheDocument();
    expect(screen.getByText('Step 4 of 5')).toBeInTheDocument();
  });

  it('ends on a completion screen once the five steps are done', async () => {
    signIn();
    serve(
      progress({
        currentStep: 5,
        completedSteps: [1, 2, 3, 4, 5],
        completed: true,
        completedAt: '2025-01-02T00:00:00Z',
        company: { ...company, values: [{ name: 'Built to last', description: 'Repair first.' }], brandColours: ['#4F46E5'] },
      }),
    );
    render();

    expect(await screen.findByRole('heading', { level: 2, name: 'Northwind Trail is set up' })).toBeInTheDocument();
    expect(screen.getByText('5 of 5 steps done')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/app');
  });

  it('shows viewers the answers without a way to change them', async () => {
    signIn('viewer');
    serve(progress());
    render('/app/onboarding?step=2');

    expect(await screen.findByLabelText('Target audience')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save and continue' })).not.toBeInTheDocument();
  });

  it('shows what the brand’s post results show beside an AI draft, citing them as the strategist does', async () => {
    signIn();
    const strategy = (results: boolean) => ({
      vision: 'Gear that lasts a thousand trails',
      mission: 'We make running gear that is repaired, not replaced.',
      values: [{ name: 'Durability', description: 'Built to be repaired.' }],
      positioningStatement: 'For trail runners, Northwind Trail is the gear that lasts.',
      voiceGuidelines: { tone: 'Plain and warm', do: [], avoid: [] },
      taglines: ['Made to last'],
      colours: null,
      sources: results
        ? [
            {
              marker: 1,
              assetId: '00000000-0000-0000-0000-000000000000',
              assetName: 'Post results, last 90 days',
              chunkId: '00000000-0000-0000-0000-000000000000',
              page: null,
              snippet: '8 posts published: 14,920 impressions, 971 engagements (6.5% engagement rate), 67 clicks.',
              kind: 'results',
              link: '/app/analytics?from=2026-08-13&to=2026-11-10&companyId=c1',
            },
          ]
        : [],
      results: results
        ? {
            period: '13 August – 10 November 2026',
            findings: [
              'Engagement rate by network: X 8.0% (2 posts, 5,000 impressions); LinkedIn 5.8% (6 posts, 9,920 impressions).',
            ],
            recommendations: [
              'Give X the larger share of your posts: its 8.0% engagement rate over 2 posts is the best of your networks (against 5.8% on LinkedIn).',
            ],
            source: 1,
          }
        : null,
    });
    let withResults = true;
    serve(progress({ currentStep: 4, completedSteps: [1, 2, 3] }), (request) => {
      if (new URL(request.url).pathname !== '/api/v1/ai/generate-brand-strategy') return undefined;
      return json(
        {
          id: 'v1',
          companyId: 'c1',
          number: 1,
          strategy: strategy(withResults),
          edited: false,
          acceptedAt: null,
          createdAt: '2026-11-10T09:00:00Z',
          updatedAt: '2026-11-10T09:00:00Z',
          provider: 'offline',
          model: 'offline',
          offline: true,
          note: 'Offline mode',
          cached: false,
        },
        201,
      );
    });
    render();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'AI draft' }));

    const section = await screen.findByRole('region', { name: 'What your results show' });
    expect(within(section).getByText(/From your published posts, 13 August – 10 November 2026/)).toBeInTheDocument();
    expect(within(section).getByText(/^Engagement rate by network: X 8.0%/)).toBeInTheDocument();
    expect(within(section).getByText(/^Give X the larger share of your posts/)).toBeInTheDocument();
    const link = within(section).getByRole('link', { name: 'Source 1: Post results, last 90 days, on the analytics page' });
    expect(link).toHaveAttribute('href', '/app/analytics?from=2026-08-13&to=2026-11-10&companyId=c1');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Drafted offline from your profile, files and post results. Edit it, then save.',
    );
    expect(screen.getByLabelText('Vision')).toHaveValue('Gear that lasts a thousand trails');

    // A brand without results: the draft says nothing about them.
    withResults = false;
    await user.click(screen.getByRole('button', { name: 'AI draft' }));
    expect(await screen.findByText('Drafted offline from your profile and files. Edit it, then save.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'What your results show' })).not.toBeInTheDocument();
  });
});
