import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import SignUpPage from './SignUpPage';

async function fillIn(password = 'password1234') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Your name'), 'Ada Admin');
  await user.type(screen.getByLabelText('Company name'), 'Northwind');
  await user.type(screen.getByLabelText('Work e-mail'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
  return user;
}

describe('SignUpPage', () => {
  it('shows the server’s password error under the password field and focuses it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(400, { errors: { password: ['This password is too common. Choose one that is harder to guess.'] } }),
      ),
    );
    renderPage(<SignUpPage />, { path: '/sign-up' });

    await fillIn();

    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription('This password is too common. Choose one that is harder to guess.');
    expect(password).toHaveFocus();
    expect(screen.getByLabelText('Work e-mail')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts each field error on its own field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(400, {
          errors: { email: ['An account with this e-mail already exists.'], companyName: ['Enter a shorter name.'] },
        }),
      ),
    );
    renderPage(<SignUpPage />, { path: '/sign-up' });

    await fillIn('a perfectly fine passphrase');

    expect(await screen.findByText('An account with this e-mail already exists.')).toBeInTheDocument();
    expect(screen.getByLabelText('Work e-mail')).toHaveAccessibleDescription('An account with this e-mail already exists.');
    expect(screen.getByLabelText('Company name')).toHaveAccessibleDescription('Enter a shorter name.');
  });

  it('checks the length before asking the server', async () => {
    // Only the list of sign-in providers is read; nothing is sent.
    const fetchMock = vi.fn(async (_request: Request) => json([]));
    vi.stubGlobal('fetch', fetchMock);
    renderPage(<SignUpPage />, { path: '/sign-up' });

    await fillIn('short');

    expect(await screen.findByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([request]) => request.method !== 'GET')).toEqual([]);
  });

  it('starts the session and opens the app', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(authResponse(), 201)),
    );
    renderPage(<SignUpPage />, { path: '/sign-up', routes: [{ path: '/app', element: <h1>App home</h1> }] });

    await fillIn('a perfectly fine passphrase');

    expect(await screen.findByRole('heading', { name: 'App home' })).toBeInTheDocument();
    expect(sessionStore.get()?.user.email).toBe('ada@example.com');
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderPage(<SignUpPage />, { path: '/sign-up' });

    await fillIn('a perfectly fine passphrase');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    );
  });
});
