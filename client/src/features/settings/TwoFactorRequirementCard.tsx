import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { useSetTwoFactorRequirement, useTwoFactorStatus } from '../account/twoFactorApi';
import styles from './settings.module.css';

const schema = z.object({ required: z.boolean() });

/** The workspace's rule: every member signs in with a second factor (admins change it, having one themselves). */
export function TwoFactorRequirementCard({ canEdit }: { canEdit: boolean }) {
  const status = useTwoFactorStatus();
  const save = useSetTwoFactorRequirement();
  const toast = useToast();
  const required = status.data?.requiredByWorkspace ?? false;
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { required } });
  useEffect(() => form.reset({ required }), [required, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values.required);
      toast.success(
        saved.requiresTwoFactor
          ? 'Every member now signs in with two-step verification.'
          : 'Two-step verification is now each member’s choice.',
      );
    } catch (error) {
      applyServerErrors(error, form.setError, ['required']);
    }
  });

  return (
    <section className="card" aria-labelledby="two-factor-rule-title">
      <div className="card__header">
        <div>
          <h2 id="two-factor-rule-title" className="card__title">
            Two-step verification
          </h2>
          <p className="card__subtitle">
            Members without it are asked to set it up the next time they sign in, before they can use the workspace.
          </p>
        </div>
      </div>
      <form className={`card__body form ${styles.form}`} onSubmit={submit} noValidate>
        <FormError errors={form.formState.errors} />
        <label className={styles.check}>
          <input type="checkbox" disabled={!canEdit || status.isPending} {...form.register('required')} />
          <span>
            <strong>Require two-step verification for every member</strong>
            <span className="small muted"> A code from an authenticator app, as well as the password.</span>
          </span>
        </label>
        {canEdit && status.data && !status.data.enabled && (
          <p className="small muted">
            Set it up for your own account first, in <Link to="/app/settings/account">Account settings</Link>.
          </p>
        )}
        {canEdit && (
          <div>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Save
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
