import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { errorMessage, isApiError } from '../../../api';
import { Alert } from '../../../components/Alert';
import { Button, ButtonLink } from '../../../components/Button';
import { useImport, type ImportOptions, type ImportReport } from './api';
import { summaryOf } from './ImportReportView';

const schema = z.object({ mode: z.enum(['allOrNothing', 'rowByRow']) });
type Values = z.infer<typeof schema>;

interface ImportRunProps {
  file: File;
  options: ImportOptions;
  report: ImportReport;
  onAgain: () => void;
}

/** The import itself, all or nothing or row by row, and what it did. */
export function ImportRun({ file, options, report, onAgain }: ImportRunProps) {
  const run = useImport();
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { mode: report.invalid > 0 ? 'rowByRow' : 'allOrNothing' },
  });
  const mode = useWatch({ control: form.control, name: 'mode' });
  const verb = options.target === 'schedule' ? 'schedule' : 'create as drafts';

  if (run.data) {
    const done = run.data;
    return (
      <div className="stack stack--sm">
        <Alert tone="success" title={`${done.created.toLocaleString('en')} ${done.created === 1 ? 'post' : 'posts'} imported`}>
          {summaryOf(done)}{' '}
          {done.target === 'schedule' ? 'They are scheduled in the calendar.' : 'They are drafts in the calendar.'}
          {done.invalid > 0 &&
            ` The ${done.invalid === 1 ? 'row' : `${done.invalid} rows`} with problems ${done.invalid === 1 ? 'was' : 'were'} left out: fix them and import the file again; what was imported is skipped.`}
        </Alert>
        <div className="cluster">
          <ButtonLink to="/app/calendar" variant="primary" icon="calendar">
            Open the calendar
          </ButtonLink>
          <Button variant="secondary" onClick={onAgain}>
            Import another file
          </Button>
        </div>
      </div>
    );
  }

  const onSubmit = form.handleSubmit((values) => run.mutate({ file, options, mode: values.mode }));
  const blocked = mode === 'allOrNothing' && report.invalid > 0;
  const count = report.ready;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Import">
      <fieldset className="segmented">
        <legend className="visually-hidden">How to import</legend>
        <label>
          <input type="radio" value="allOrNothing" {...form.register('mode')} />
          <span>All or nothing</span>
        </label>
        <label>
          <input type="radio" value="rowByRow" {...form.register('mode')} />
          <span>Row by row</span>
        </label>
      </fieldset>
      <p className="muted small">
        {mode === 'allOrNothing'
          ? 'Every row is imported, or none is: one row with a problem stops the import.'
          : 'The rows without problems are imported; the others are left out and listed.'}
      </p>
      {blocked && (
        <Alert tone="warning">
          {report.invalid === 1 ? 'A row has' : `${report.invalid} rows have`} problems: fix the file and check it again, or
          import row by row.
        </Alert>
      )}
      {run.isError && (
        <Alert tone="error">
          {isApiError(run.error) && Object.keys(run.error.fieldErrors).length > 0
            ? Object.values(run.error.fieldErrors).flat().slice(0, 5).join(' ')
            : errorMessage(run.error)}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="primary" icon="upload" loading={run.isPending} disabled={blocked || count === 0}>
          {count === 0
            ? 'Nothing to import'
            : `Import and ${verb} ${count.toLocaleString('en')} ${count === 1 ? 'post' : 'posts'}`}
        </Button>
      </div>
    </form>
  );
}
