import { useEffect, useState } from 'react';
import { errorMessage, refreshSession } from '../../api';
import { Alert } from '../../components/Alert';
import { ButtonLink } from '../../components/Button';
import { linkFragment, verifyEmail } from './api';
import { AuthLayout } from './AuthLayout';
import { useSession } from './useSession';

type State = { status: 'checking' } | { status: 'done' } | { status: 'failed'; message: string };

/** Where a confirmation link lands: confirms the address at once, signed in or not (the link may open in another browser). */
export default function VerifyEmailPage() {
  const session = useSession();
  const [link] = useState(() => {
    const found = linkFragment(window.location.hash);
    window.history.replaceState(window.history.state, '', window.location.pathname);
    return found;
  });
  const [state, setState] = useState<State>(() =>
    link ? { status: 'checking' } : { status: 'failed', message: 'This page needs the link from the e-mail. Open it again.' },
  );

  useEffect(() => {
    if (!link) return;
    let live = true;
    verifyEmail(link)
      // A signed-in browser picks up the confirmed address with its next token pair.
      .then(() => refreshSession().catch(() => null))
      .then(() => live && setState({ status: 'done' }))
      .catch((error: unknown) => live && setState({ status: 'failed', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [link]);

  const next = session ? '/app' : '/sign-in';
  return (
    <AuthLayout title="Confirm your e-mail address">
      {state.status === 'checking' && <p role="status">Confirming your address…</p>}
      {state.status === 'done' && (
        <div className="stack">
          <Alert tone="success" title="Your address is confirmed">
            You can now invite your team and choose a plan.
          </Alert>
          <ButtonLink variant="primary" block to={next}>
            {session ? 'Go to your workspace' : 'Sign in'}
          </ButtonLink>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="stack">
          <Alert tone="error" title="The address is not confirmed">
            {state.message}
          </Alert>
          <ButtonLink variant="primary" block to={session ? '/app/settings/account' : '/sign-in'}>
            {session ? 'Ask for a new link' : 'Sign in to ask for a new link'}
          </ButtonLink>
        </div>
      )}
    </AuthLayout>
  );
}
