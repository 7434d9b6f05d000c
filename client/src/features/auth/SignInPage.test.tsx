import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { authResponse, json, problem, renderPage } from '../../test/render';
import SignInPage from './SignInPage';

async function signIn(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('E-mail'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.keyboard('{Enter}');
}

describe('SignInPage', () => {
  it('shows a refused sign-in as the form’s message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, { title: 'Unauthorized.', detail: 'The e-mail or password is not correct.' })),
    );
    renderPage(<SignInPage />, { path: '/sign-in' });

    await signIn('wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail or password is not correct.');
  });

  it('returns to the page that asked for a sign-in', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(authResponse())),
    );
    renderPage(<SignInPage />, {
      path: '/sign-in',
      url: '/sign-in?next=%2Fapp%2Fbrands&reason=expired',
      routes: [{ path: '/app/brands', element: <h1>Brands</h1> }],
    });
    expect(screen.getByText('Your session has ended. Sign in again to continue.')).toBeInTheDocument();

    await signIn('correct horse battery staple');

    expect(await screen.findByRole('heading', { name: 'Brands' })).toBeInTheDocument();
  });

  it('never follows a next address outside the app', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(authResponse())),
    );
    renderPage(<SignInPage />, {
      path: '/sign-in',
      url: '/sign-in?next=%2F%2Fevil.example%2Fapp',
      routes: [{ path: '/app', element: <h1>App home</h1> }],
    });

    await signIn('correct horse battery staple');

    expect(await screen.findByRole('heading', { name: 'App home' })).toBeInTheDocument();
  });
});
