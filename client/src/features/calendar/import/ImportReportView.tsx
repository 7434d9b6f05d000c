import { Alert } from '../../../components/Alert';
import { dayOf, formatLongDay, timeOf } from '../dates';
import type { ImportReport } from './api';

/** The most problems listed at once: a file that is wrong throughout needs fixing at its source, not reading row by row. */
const maxListed = 500;

function plural(count: number, one: string, many = `${one}s`) {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** One sentence of what a check or an import found. */
export function summaryOf(report: ImportReport): string {
  const parts = [`${plural(report.ready, 'row')} ${report.dryRun ? 'ready to import' : 'checked'}`];
  if (report.invalid) parts.push(`${plural(report.invalid, 'row')} with problems`);
  if (report.alreadyImported) parts.push(`${plural(report.alreadyImported, 'row')} imported before`);
  if (report.duplicates) parts.push(`${plural(report.duplicates, 'row')} repeated in the file`);
  return `${plural(report.rows, 'row')} read: ${parts.join(', ')}.`;
}

function when(local: string | null | undefined) {
  return local ? `${formatLongDay(dayOf(local))}, ${timeOf(local)}` : 'No date';
}

/** The dry run's report: every bad row with its column and what to do, the skipped rows, and the first rows ready. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const listed = report.errors.slice(0, maxListed);
  return (
    <div className="stack stack--sm">
      <p role="status">{summaryOf(report)}</p>
      {report.errors.length > 0 && (
        <section aria-labelledby="import-problems" className="card">
          <div className="card__header">
            <h3 id="import-problems" className="card__title">
              Problems to fix
            </h3>
          </div>
          <div className="card__body card__body--flush table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((error, index) => (
                  <tr key={`${error.row}-${error.field}-${index}`}>
                    <td data-label="Row">{error.row}</td>
                    <td data-label="Column">{error.column}</td>
                    <td data-label="Problem">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.errors.length > listed.length && (
            <p className="card__body muted small">
              And {plural(report.errors.length - listed.length, 'more problem')}: fix these first, then check again.
            </p>
          )}
        </section>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{plural(report.skipped.length, 'row')} left out on purpose</summary>
          <ul className="muted small">
            {report.skipped.slice(0, maxListed).map((row) => (
              <li key={row.row}>
                Row {row.row}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.sample.length > 0 && (
        <details>
          <summary>The first rows {report.dryRun ? 'ready' : 'imported'}</summary>
          <ul className="muted small">
            {report.sample.map((row) => (
              <li key={row.row}>
                Row {row.row}: “{row.title}”, {when(row.local)}, on {row.networks.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.dryRun && report.ready === 0 && report.errors.length === 0 && (
        <Alert tone="info">Nothing to import: every row was imported before.</Alert>
      )}
    </div>
  );
}
