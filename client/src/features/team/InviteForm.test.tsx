import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import { InviteForm } from './InviteForm';

describe('InviteForm', () => {
  it('shows “already a member” on the e-mail field', async () => {
    sessionStore.set(authResponse());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(400, { errors: { email: ['This person is already a member.'] } })),
    );
    renderPage(<InviteForm />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('E-mail address'), 'ben@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('This person is already a member.')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the chosen role to the current workspace and clears the address', async () => {
    sessionStore.set(authResponse());
    const fetchMock = vi.fn(async (_request: Request) =>
      json(
        {
          id: 'i1',
          email: 'ben@example.com',
          role: 'viewer',
          createdAt: '2026-01-01T00:00:00Z',
          expiresAt: '2026-01-08T00:00:00Z',
        },
        201,
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderPage(<InviteForm />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('E-mail address'), 'ben@example.com');
    await user.selectOptions(screen.getByLabelText('Role'), 'viewer');
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription('Sees everything, changes nothing.');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent to ben@example.com.')).toBeInTheDocument();
    const request = fetchMock.mock.calls[0]![0];
    expect(new URL(request.url).pathname).toBe('/api/v1/tenants/t1/users/invite');
    expect(await request.json()).toEqual({ email: 'ben@example.com', role: 'viewer' });
    expect(screen.getByLabelText('E-mail address')).toHaveValue('');
  });
});
