import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { timeZones, useSetApprovalRules, useSetTimeZone, useWorkspaceSettings, type WorkspaceSettings } from './api';
import styles from './settings.module.css';
import { TwoFactorRequirementCard } from './TwoFactorRequirementCard';

const zoneSchema = z.object({ timeZone: z.string().min(1, 'Choose a time zone.') });
const rulesSchema = z.object({ approvalRequired: z.boolean(), adminsMayApproveOwnPosts: z.boolean() });

/** The workspace's time zone and approval rules; admins change them, everyone can read them. */
export default function WorkspacePage() {
  const settings = useWorkspaceSettings();
  const canEdit = hasRole(useSession(), 'admin');
  return (
    <QueryState query={settings} loadingLabel="Loading workspace settings" rows={2}>
      {(data) => (
        <div className="stack">
          <TimeZoneCard settings={data} canEdit={canEdit} />
          <ApprovalCard settings={data} canEdit={canEdit} />
          <TwoFactorRequirementCard canEdit={canEdit} />
          {!canEdit && <p className="small muted">Only an admin can change these settings.</p>}
        </div>
      )}
    </QueryState>
  );
}

function TimeZoneCard({ settings, canEdit }: { settings: WorkspaceSettings; canEdit: boolean }) {
  const save = useSetTimeZone();
  const toast = useToast();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = useForm<z.infer<typeof zoneSchema>>({
    resolver: zodResolver(zoneSchema),
    defaultValues: { timeZone: settings.timeZone },
  });
  useEffect(() => form.reset({ timeZone: settings.timeZone }), [settings.timeZone, form]);
  const submit = form.handleSubmit(async ({ timeZone }) => {
    try {
      await save.mutateAsync(timeZone);
      toast.success(`Times are now shown in ${timeZone}.`);
    } catch (error) {
      applyServerErrors(error, form.setError, ['timeZone']);
    }
  });

  return (
    <section className="card" aria-labelledby="time-zone-title">
      <div className="card__header">
        <div>
          <h2 id="time-zone-title" className="card__title">
            Time zone
          </h2>
          <p className="card__subtitle">
            Every date and time in the workspace is entered and shown in this zone. Posts already scheduled keep their moment.
          </p>
        </div>
      </div>
      <form className={`card__body form ${styles.form}`} onSubmit={submit} noValidate>
        <FormError errors={form.formState.errors} />
        <SelectField
          label="Workspace time zone"
          hint={`Now: ${formatDateTime(new Date().toISOString())}. Your browser is in ${browserZone}.`}
          error={form.formState.errors.timeZone?.message}
          disabled={!canEdit}
          {...form.register('timeZone')}
        >
          {timeZones(settings.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        {canEdit && (
          <div className="form__actions">
            {browserZone !== settings.timeZone && (
              <Button onClick={() => form.setValue('timeZone', browserZone, { shouldDirty: true })}>Use my browser’s zone</Button>
            )}
            <Button type="submit" variant="primary" loading={save.isPending} disabled={!form.formState.isDirty}>
              Save time zone
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}

function ApprovalCard({ settings, canEdit }: { settings: WorkspaceSettings; canEdit: boolean }) {
  const save = useSetApprovalRules();
  const toast = useToast();
  const { approvalRequired, adminsMayApproveOwnPosts } = settings;
  const form = useForm<z.infer<typeof rulesSchema>>({
    resolver: zodResolver(rulesSchema),
    defaultValues: { approvalRequired, adminsMayApproveOwnPosts },
  });
  useEffect(() => form.reset({ approvalRequired, adminsMayApproveOwnPosts }), [approvalRequired, adminsMayApproveOwnPosts, form]);
  const required = useWatch({ control: form.control, name: 'approvalRequired' });
  const submit = form.handleSubmit(async (rules) => {
    try {
      await save.mutateAsync(rules);
      toast.success(rules.approvalRequired ? 'Posts now need an admin’s approval.' : 'Posts can be scheduled without approval.');
    } catch (error) {
      applyServerErrors(error, form.setError, ['approvalRequired', 'adminsMayApproveOwnPosts']);
    }
  });

  return (
    <section className="card" aria-labelledby="approval-title">
      <div className="card__header">
        <div>
          <h2 id="approval-title" className="card__title">
            Approval
          </h2>
          <p className="card__subtitle">
            With approval on, a post is sent for review and an admin approves it on the <Link to="/app/approvals">Approvals</Link>{' '}
            page before it can be scheduled.
          </p>
        </div>
      </div>
      <form className={`card__body form ${styles.form}`} onSubmit={submit} noValidate>
        <FormError errors={form.formState.errors} />
        <label className={styles.check}>
          <input type="checkbox" disabled={!canEdit} {...form.register('approvalRequired')} />
          <span>
            <strong>Posts need approval</strong>
            <span className="small muted"> An admin approves each post before it can be scheduled.</span>
          </span>
        </label>
        <label className={styles.check}>
          <input type="checkbox" disabled={!canEdit || !required} {...form.register('adminsMayApproveOwnPosts')} />
          <span>
            <strong>Admins may approve their own posts</strong>
            <span className="small muted">
              {' '}
              Off: another admin must approve a post an admin wrote or sent for review. Turn on if you are the only admin.
            </span>
          </span>
        </label>
        {canEdit && (
          <div className="form__actions">
            <Button type="submit" variant="primary" loading={save.isPending} disabled={!form.formState.isDirty}>
              Save approval rules
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
