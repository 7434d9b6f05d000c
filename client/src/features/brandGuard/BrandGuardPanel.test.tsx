import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import { applyFix } from './api';
import { BrandGuardPanel } from './BrandGuardPanel';

const text = 'Cheap full service, now £95. #PedalAndPine';
const source = (assetName: string, snippet: string) => ({
  marker: 1,
  assetId: '00000000-0000-0000-0000-000000000001',
  assetName,
  chunkId: '00000000-0000-0000-0000-000000000002',
  page: null,
  snippet,
});
const check = {
  blocking: true,
  offline: true,
  method: 'rules',
  ruleCount: 4,
  variants: [
    {
      platform: 'linkedIn',
      blocking: true,
      tone: null,
      findings: [
        {
          kind: 'bannedWord',
          severity: 'high',
          reason: 'The brand never uses “cheap”; say “affordable” instead.',
          start: 0,
          length: 5,
          excerpt: 'Cheap',
          source: source('brand-guide.md', '"cheap" (say "affordable" or give the price)'),
          fix: { start: 0, length: 5, replacement: 'Affordable', label: 'Replace with “Affordable”' },
          ruleId: null,
          blocking: true,
        },
        {
          kind: 'contradictedClaim',
          severity: 'high',
          reason: '“£95”, a figure from “prices-2024.md”, which is archived: “prices-2026.md” gives £119.',
          start: 24,
          length: 3,
          excerpt: '£95',
          source: source('prices-2026.md', 'Full service · £119'),
          fix: { start: 24, length: 3, replacement: '£119', label: 'Use £119' },
          ruleId: null,
          blocking: true,
        },
      ],
    },
  ],
};

const usage = (offline: boolean) => ({
  month: '2026-12',
  plan: 'pro',
  requests: 0,
  monthlyLimit: 500,
  remaining: 500,
  inputTokens: 0,
  outputTokens: 0,
  cachedResponses: 0,
  provider: offline ? 'offline' : 'gemini',
  model: offline ? 'offline-templates-1' : 'gemini-test',
  offline,
});

/** Answers the usage (is a model connected?) and the checks, keeping what each check was sent. */
function stubApi(offline: boolean, answer: (body: Record<string, unknown>) => unknown) {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      if (new URL(request.url).pathname === '/api/v1/ai/usage') return json(usage(offline));
      const body = JSON.parse(await request.text()) as Record<string, unknown>;
      sent.push(body);
      return json(answer(body));
    }),
  );
  return sent;
}

describe('BrandGuardPanel', () => {
  it('shows each finding with its reason and source, and hands its fix to the composer', async () => {
    const sent = stubApi(true, () => check);
    sessionStore.set(authResponse({ role: 'editor' }));
    const onApplyFix = vi.fn();
    renderPage(<BrandGuardPanel variants={[{ platform: 'linkedIn', text }]} onApplyFix={onApplyFix} />);

    expect(await screen.findByText('2 things to look at.')).toBeInTheDocument();
    expect(screen.getByText('The brand never uses “cheap”; say “affordable” instead.')).toBeInTheDocument();
    expect(screen.getByText('From “prices-2026.md”:')).toBeInTheDocument();
    expect(screen.getAllByText('Blocks scheduling')).toHaveLength(2);
    expect(sent).toEqual([{ variants: [{ platform: 'linkedIn', text }], tone: true }]);
    expect(screen.queryByRole('button', { name: 'Check with AI' })).not.toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Use £119' }));
    expect(onApplyFix).toHaveBeenCalledWith('linkedIn', check.variants[0]!.findings[1]!.fix, '£95');
  });

  it('asks the AI model on request, for the post’s brand, and shows its reasons and tone', async () => {
    const reviewed = {
      ...check,
      offline: false,
      modelReviewed: true,
      modelNote: null,
      variants: [
        {
          ...check.variants[0]!,
          tone: { score: 0.21, verdict: 'Too salesy', source: null, reasons: ['It leads with the price.'] },
          findings: [{ ...check.variants[0]!.findings[0]!, reason: 'The guide never uses “cheap”.', byModel: true }],
        },
      ],
    };
    const sent = stubApi(false, (body) => (body.useAi ? reviewed : check));
    sessionStore.set(authResponse({ role: 'editor' }));
    renderPage(<BrandGuardPanel variants={[{ platform: 'linkedIn', text }]} onApplyFix={vi.fn()} companyId="c1" />);

    expect(await screen.findByText('2 things to look at.')).toBeInTheDocument();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Check with AI' }));

    expect(await screen.findByText('The guide never uses “cheap”.')).toBeInTheDocument();
    expect(screen.getByText('AI review')).toBeInTheDocument();
    expect(screen.getByText('Tone: Too salesy. It leads with the price.')).toBeInTheDocument();
    expect(screen.getByText('Reviewed by the AI model, citing only your documents.')).toBeInTheDocument();
    expect(sent.at(-1)).toEqual({ variants: [{ platform: 'linkedIn', text }], tone: true, companyId: 'c1', useAi: true });
  });

  it('applies a fix where its words are now, even when the text moved since the check', () => {
    const fix = { start: 24, length: 3, replacement: '£119', label: '' };
    expect(applyFix(text, fix, '£95')).toBe('Cheap full service, now £119. #PedalAndPine');
    expect(applyFix('Affordable full service, now £95. #PedalAndPine', fix, '£95')).toBe(
      'Affordable full service, now £119. #PedalAndPine',
    );
    expect(applyFix('Rides today.  ', { start: 12, length: 2, replacement: ' #PedalAndPine', label: '' })).toBe(
      'Rides today. #PedalAndPine',
    );
  });
});
