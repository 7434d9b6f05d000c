import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { applyServerErrors } from '../../components/form/serverErrors';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDate } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { useMonthlyReportSetting, useSetMonthlyReport, type MonthlyReportSetting } from './api';
import styles from './analytics.module.css';

const schema = z.object({ enabled: z.boolean() });

/** The monthly e-mail report to the workspace's admins: on unless an admin turns it off. */
export function MonthlyReportCard() {
  const setting = useMonthlyReportSetting();
  return (
    <section className="card" aria-labelledby="monthly-report-title">
      <div className="card__header">
        <div>
          <h2 id="monthly-report-title" className="card__title">
            Monthly e-mail report
          </h2>
          <p className="card__subtitle">
            On the 1st of each month, every admin gets last month’s results against the month before, the top posts, the best
            times to post and this page as a PDF.
          </p>
        </div>
      </div>
      <QueryState query={setting} loadingLabel="Loading the report setting" rows={1}>
        {(data) => <MonthlyReportForm setting={data} />}
      </QueryState>
    </section>
  );
}

function MonthlyReportForm({ setting }: { setting: MonthlyReportSetting }) {
  const canEdit = hasRole(useSession(), 'admin');
  const save = useSetMonthlyReport();
  const toast = useToast();
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { enabled: setting.enabled } });
  useEffect(() => form.reset({ enabled: setting.enabled }), [setting.enabled, form]);
  const submit = form.handleSubmit(async ({ enabled }) => {
    try {
      await save.mutateAsync(enabled);
      toast.success(enabled ? 'Admins will get the report on the 1st of each month.' : 'The monthly report is off.');
    } catch (error) {
      applyServerErrors(error, form.setError, ['enabled']);
    }
  });

  return (
    <form className="card__body form" onSubmit={submit} noValidate>
      <FormError errors={form.formState.errors} />
      <label className={styles.check}>
        <input type="checkbox" disabled={!canEdit} {...form.register('enabled')} />
        <span>
          <strong>Send the monthly report to admins</strong>
          <span className="small muted">
            {' '}
            {setting.enabled
              ? `Next report: ${formatDate(setting.nextReportOn)} (${setting.timeZone} time).`
              : 'Off: no report is sent.'}
            {setting.lastReportedMonth ? ` Last sent for ${monthName(setting.lastReportedMonth)}.` : ''}
          </span>
        </span>
      </label>
      {canEdit ? (
        <div className="form__actions">
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!form.formState.isDirty}>
            Save report setting
          </Button>
        </div>
      ) : (
        <p className="small muted">Only an admin can change this.</p>
      )}
    </form>
  );
}

function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 2000, (number ?? 1) - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
