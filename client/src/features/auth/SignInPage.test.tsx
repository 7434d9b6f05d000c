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

  it('asks an account with two-step verification for a code, and shows a wrong one on its field', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const answers = [
      json({ challenge: 'sealed-challenge', expiresIn: 300 }, 202),
      problem(400, { errors: { code: ['This code is not correct, or was already used.'] } }),
      json(authResponse({ twoFactorEnabled: true })),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.url.endsWith('/external/providers')) return json([]);
        calls.push({ url: new URL(request.url).pathname, body: await request.clone().json() });
        return answers.shift()!;
      }),
    );
    renderPage(<SignInPage />, { path: '/sign-in', routes: [{ path: '/app', element: <h1>App home</h1> }] });
    const user = userEvent.setup();

    await signIn('correct horse battery staple');
    await user.type(await screen.findByLabelText('Authentication code'), '123456{Enter}');
    expect(await screen.findByText('This code is not correct, or was already used.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Authentication code'));
    await user.type(screen.getByLabelText('Authentication code'), '654 321{Enter}');

    expect(await screen.findByRole('heading', { name: 'App home' })).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/login/two-factor',
      '/api/v1/auth/login/two-factor',
    ]);
    expect(calls[2]?.body).toEqual({ challenge: 'sealed-challenge', code: '654321' });
  });

  it('takes a recovery code instead of a code from the app', async () => {
    const bodies: unknown[] = [];
    const answers = [
      json({ challenge: 'sealed-challenge', expiresIn: 300 }, 202),
      problem(400, { errors: { recoveryCode: ['This recovery code is not correct, or was already used.'] } }),
      json(authResponse({ twoFactorEnabled: true })),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.url.endsWith('/external/providers')) return json([]);
        bodies.push(await request.clone().json());
        return answers.shift()!;
      }),
    );
    renderPage(<SignInPage />, { path: '/sign-in', routes: [{ path: '/app', element: <h1>App home</h1> }] });
    const user = userEvent.setup();

    await signIn('correct horse battery staple');
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText('Recovery code'), 'used0-codes{Enter}');
    expect(await screen.findByText('This recovery code is not correct, or was already used.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Recovery code'));
    await user.type(screen.getByLabelText('Recovery code'), 'abcde-fghjk{Enter}');

    expect(await screen.findByRole('heading', { name: 'App home' })).toBeInTheDocument();
    expect(bodies[2]).toEqual({ challenge: 'sealed-challenge', recoveryCode: 'abcde-fghjk' });
  });

  it('offers the providers the server has set up, and none when it has none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json([
          { key: 'google', name: 'Google' },
          { key: 'linkedin', name: 'LinkedIn' },
        ]),
      ),
    );
    renderPage(<SignInPage />, { path: '/sign-in' });
    expect(await screen.findByRole('button', { name: 'Continue with Google' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue with LinkedIn' })).toBeInTheDocument();
  });
});
