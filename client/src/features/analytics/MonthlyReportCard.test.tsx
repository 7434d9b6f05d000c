import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, renderPage } from '../../test/render';
import { MonthlyReportCard } from './MonthlyReportCard';

const setting = (enabled: boolean, lastReportedMonth: string | null = null) => ({
  enabled,
  isDefault: false,
  nextReportOn: '2026-12-01',
  lastReportedMonth,
  timeZone: 'Europe/Berlin',
  updatedAt: null,
});

describe('MonthlyReportCard', () => {
  it('lets an admin turn the monthly report off and says when the next one would go out', async () => {
    sessionStore.set(authResponse({ role: 'admin' }));
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(String(input), init);
        if (new URL(request.url).pathname !== '/api/v1/analytics/monthly-report') return json({}, 404);
        if (request.method === 'PUT') {
          const body = (await request.json()) as { enabled: boolean };
          sent.push(body);
          return json(setting(body.enabled, '2026-10'));
        }
        return json(setting(true, '2026-10'));
      }),
    );

    renderPage(<MonthlyReportCard />);

    const box = await screen.findByRole('checkbox', { name: /Send the monthly report to admins/ });
    expect(box).toBeChecked();
    expect(screen.getByText(/Next report: .*2026.*\(Europe\/Berlin time\)\. Last sent for October 2026\./)).toBeInTheDocument();
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Save report setting' }));

    await waitFor(() => expect(sent).toEqual([{ enabled: false }]));
    expect(await screen.findByText(/Off: no report is sent\./)).toBeInTheDocument();
    expect(await screen.findByText('The monthly report is off.')).toBeInTheDocument();
  });

  it('shows an editor the setting without letting them change it', async () => {
    sessionStore.set(authResponse({ role: 'editor' }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(setting(true))),
    );

    renderPage(<MonthlyReportCard />);

    expect(await screen.findByRole('checkbox', { name: /Send the monthly report to admins/ })).toBeDisabled();
    expect(screen.getByText('Only an admin can change this.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save report setting' })).not.toBeInTheDocument();
  });
});
