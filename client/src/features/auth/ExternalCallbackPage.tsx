import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { ButtonLink } from '../../components/Button';
import { AuthLayout } from './AuthLayout';
import { completeExternalLink, completeExternalSignIn, forgetPending, nextKey, readPending } from './externalApi';
import { safeNext } from './redirects';
import { TwoFactorStep } from './TwoFactorStep';
import { useSession } from './useSession';

type State =
  | { status: 'checking' }
  | { status: 'two-factor'; challenge: string; next: string }
  | { status: 'failed'; message: string; back: string };

/** Where a provider sends the browser back: checks the answer is the one this tab asked for, then signs in or links. */
export default function ExternalCallbackPage() {
  const { provider = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const [answer] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    // The code is single-use, but it still leaves the address bar (and the history) at once.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    const code = params.get('code');
    const returned = params.get('state');
    const pending = readPending();
    const back = pending?.purpose === 'link' ? '/app/settings/account' : '/sign-in';
    const failure =
      params.get('error') || !code || !returned
        ? 'The sign-in was cancelled or refused at the provider.'
        : !pending || pending.state !== returned || pending.provider !== provider
          ? 'This answer is not for a sign-in started in this browser tab. Start again.'
          : null;
    return { code: code ?? '', state: returned ?? '', pending, back, failure };
  });
  const [state, setState] = useState<State>(() =>
    answer.failure ? { status: 'failed', message: answer.failure, back: answer.back } : { status: 'checking' },
  );

  useEffect(() => {
    const { code, state: returned, pending, back, failure } = answer;
    forgetPending();
    if (failure || !pending) return;
    let live = true;
    const next = safeNext(pending.next);
    const run =
      pending.purpose === 'link'
        ? completeExternalLink(provider, code, returned).then(() =>
            navigate('/app/settings/account?connected=1', { replace: true }),
          )
        : completeExternalSignIn(provider, code, returned).then(({ twoFactor }) =>
            twoFactor
              ? live && setState({ status: 'two-factor', challenge: twoFactor.challenge, next })
              : navigate(next, { replace: true }),
          );
    run.catch((failure: unknown) => live && setState({ status: 'failed', message: errorMessage(failure), back }));
    return () => {
      live = false;
    };
  }, [answer, provider, navigate]);

  // Signed in (by this page, which the new session may render afresh): on to where the sign-in started.
  if (session && answer.pending?.purpose !== 'link' && state.status !== 'two-factor')
    return <Navigate to={safeNext(answer.pending?.next ?? sessionStorage.getItem(nextKey))} replace />;

  return (
    <AuthLayout title="Signing you in">
      {state.status === 'checking' && <p role="status">Checking the answer from the provider…</p>}
      {state.status === 'two-factor' && (
        <TwoFactorStep
          challenge={state.challenge}
          onSignedIn={() => navigate(state.next, { replace: true })}
          onStartOver={() => navigate('/sign-in', { replace: true })}
        />
      )}
      {state.status === 'failed' && (
        <div className="stack">
          <Alert tone="error">{state.message}</Alert>
          <div>
            <ButtonLink to={state.back} variant="primary">
              {state.back === '/sign-in' ? 'Back to sign-in' : 'Back to account settings'}
            </ButtonLink>
          </div>
        </div>
      )}
    </AuthLayout>
  );
}
