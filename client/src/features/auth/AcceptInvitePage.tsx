import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { acceptInvite, previewInvitation } from './api';
import { AuthLayout } from './AuthLayout';
import { newPassword, passwordMax, passwordMin } from './schemas';

type Mode = 'new' | 'existing';

// A new account needs a name and a password the server will accept; an existing one only its password.
function schemaFor(mode: Mode) {
  return z.object({
    fullName: mode === 'new' ? z.string().trim().min(1, 'Enter your name.').max(120, 'Use at most 120 characters.') : z.string(),
    password: mode === 'new' ? newPassword : z.string().min(1, 'Enter the password of your account.').max(passwordMax),
  });
}

type Values = z.infer<ReturnType<typeof schemaFor>>;

export default function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  // Until the person picks, the invitation says whether the address already has an account.
  const [chosen, setChosen] = useState<Mode | null>(null);
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => previewInvitation(token),
    enabled: token !== '',
    staleTime: Infinity,
    retry: false,
  });
  const mode: Mode = chosen ?? (preview.data?.hasAccount ? 'existing' : 'new');
  const setMode = setChosen;
  const navigate = useNavigate();
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(mode)),
    defaultValues: { fullName: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  if (!token) {
    return (
      <AuthLayout title="Join your team" subtitle="This invitation link is incomplete.">
        <Alert tone="error" title="The link has no invitation code.">
          Open the link from your invitation e-mail again, or ask the person who invited you to send a new one.
        </Alert>
      </AuthLayout>
    );
  }

  // A used or expired link says so at once instead of after the form is filled in. Any other failure (a lost
  // connection) leaves the form usable: accepting reports its own errors.
  const stale = isApiError(preview.error) && preview.error.status === 400 ? preview.error.fieldErrors.token?.[0] : undefined;
  if (stale) {
    return (
      <AuthLayout title="Join your team" subtitle="This invitation can no longer be used.">
        <Alert tone="error" title={stale}>
          If you already joined, <Link to="/sign-in">sign in</Link>.
        </Alert>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await acceptInvite({ token, password: values.password, fullName: mode === 'new' ? values.fullName : null });
      navigate('/app', { replace: true });
    } catch (error) {
      // The address already has an account: the server wants that account's password, not a new one.
      if (isApiError(error) && error.status === 401 && mode === 'new') setMode('existing');
      applyServerErrors(error, form.setError, ['fullName', 'password']);
    }
  });

  const choose = (next: Mode) => {
    setMode(next);
    form.clearErrors();
  };

  return (
    <AuthLayout
      title="Join your team"
      subtitle={
        invitation
          ? `${invitation.invitedBy} invited ${invitation.email} to join ${invitation.workspaceName} as ${article(invitation.role)} ${invitation.role}.`
          : 'You have been invited to a workspace on AI Brand Automator.'
      }
      footer={
        <>
          Not expecting this? You can ignore it, or <Link to="/">learn what we do</Link>.
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="segmented">
          <legend className="visually-hidden">Do you already have an account?</legend>
          <label>
            <input type="radio" name="mode" value="new" checked={mode === 'new'} onChange={() => choose('new')} />
            <span>I am new here</span>
          </label>
          <label>
            <input type="radio" name="mode" value="existing" checked={mode === 'existing'} onChange={() => choose('existing')} />
            <span>I have an account</span>
          </label>
        </fieldset>
        <FormError errors={errors} />
        {mode === 'new' && (
          <TextField label="Your name" autoComplete="name" error={errors.fullName?.message} {...form.register('fullName')} />
        )}
        <TextField
          label={mode === 'new' ? 'Choose a password' : 'Your password'}
          type="password"
          autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
          hint={mode === 'new' ? `At least ${passwordMin} characters.` : 'The password you sign in with.'}
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" variant="primary" size="lg" block loading={isSubmitting}>
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}

function article(role: string) {
  return /^[aeiou]/i.test(role) ? 'an' : 'a';
}
