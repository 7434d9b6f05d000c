import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { AnswerText } from './AnswerText';
import type { ChatCitation } from './stream';

const results: ChatCitation = {
  marker: 2,
  assetId: '00000000-0000-0000-0000-000000000000',
  assetName: 'LinkedIn post results, Oct 2026',
  chunkId: '00000000-0000-0000-0000-000000000000',
  page: null,
  snippet: '5 posts published: 4,920 impressions, 171 engagements (3.5% engagement rate), 27 clicks.',
  kind: 'results',
  link: '/app/analytics?from=2026-10-01&to=2026-10-31&platform=linkedIn',
};

const document: ChatCitation = {
  marker: 1,
  assetId: 'a1',
  assetName: 'Brand book.pdf',
  chunkId: 'c1',
  page: 3,
  snippet: 'Our voice is warm.',
  kind: 'document',
  link: null,
};

describe('AnswerText citations', () => {
  it('links a citation of post results to the analytics page of its period and opens documents in place', async () => {
    const onCite = vi.fn();
    renderPage(
      <AnswerText
        text="Your best post was the roastery tour [2]. Keep the voice warm [1]."
        citations={[document, results]}
        onCite={onCite}
      />,
    );

    const link = await screen.findByRole('link', { name: 'Source 2: LinkedIn post results, Oct 2026, on the analytics page' });
    expect(link).toHaveAttribute('href', '/app/analytics?from=2026-10-01&to=2026-10-31&platform=linkedIn');
    const chip = screen.getByRole('button', { name: 'Source 1: Brand book.pdf, page 3' });
    chip.click();
    expect(onCite).toHaveBeenCalledWith(document);
  });
});
