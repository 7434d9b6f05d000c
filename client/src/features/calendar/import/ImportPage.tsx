import { useCallback, useId, useState } from 'react';
import { errorMessage } from '../../../api';
import { Alert } from '../../../components/Alert';
import { Button, ButtonLink } from '../../../components/Button';
import { PageHeader } from '../../../components/PageHeader';
import { downloadTemplate, dryRun, readColumns, type ImportColumns, type ImportOptions, type ImportReport } from './api';
import { ImportRun } from './ImportRun';
import { ImportReportView } from './ImportReportView';
import { MappingForm } from './MappingForm';

/**
 * Posts from a CSV file, in three steps: choose the file (or start from the template), say which column is which
 * (guessed from the headers), check every row (nothing is written), then import all or nothing, or row by row.
 */
export default function ImportPage() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<ImportColumns | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ options: ImportOptions; report: ImportReport } | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setColumns(null);
    setChecked(null);
    setFileError(null);
    if (!chosen) return;
    setReading(true);
    try {
      setColumns(await readColumns(chosen));
    } catch (error) {
      setFileError(errorMessage(error));
    } finally {
      setReading(false);
    }
  };

  const check = async (options: ImportOptions) => {
    if (!file) return;
    setChecked({ options, report: await dryRun(file, options) });
  };

  const stale = useCallback(() => setChecked(null), []);

  return (
    <div className="stack">
      <PageHeader
        title="Import posts"
        description="Plan a month at a time: a CSV file with a row per post, checked with the same rules as the composer before anything is created."
        actions={
          <ButtonLink to="/app/calendar" variant="ghost" icon="arrowLeft">
            Back to the calendar
          </ButtonLink>
        }
      />

      <section className="card" aria-labelledby="import-file">
        <div className="card__header">
          <div>
            <h2 id="import-file" className="card__title">
              1. Choose the file
            </h2>
            <p className="card__subtitle">
              A CSV file (UTF-8, comma or semicolon) of up to 5,000 rows: the first row names the columns. Dates and times are in
              the workspace’s time zone; media are the file names of your brand files.
            </p>
          </div>
          <Button
            variant="secondary"
            icon="download"
            onClick={() => {
              setTemplateError(null);
              downloadTemplate().catch((error: unknown) => setTemplateError(errorMessage(error)));
            }}
          >
            Download the template
          </Button>
        </div>
        <div className="card__body stack stack--sm">
          {templateError && <Alert tone="error">{templateError}</Alert>}
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              CSV file
            </label>
            <input
              id={inputId}
              className="input"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={fileError ? `${inputId}-error` : undefined}
              onChange={(event) => void choose(event.target.files?.[0] ?? null)}
            />
          </div>
          {reading && <p role="status">Reading the file…</p>}
          {fileError && (
            <div id={`${inputId}-error`}>
              <Alert tone="error">{fileError}</Alert>
            </div>
          )}
          {columns && file && (
            <p className="muted small" role="status">
              {file.name}: {columns.rows.toLocaleString('en')} {columns.rows === 1 ? 'row' : 'rows'}, {columns.headers.length}{' '}
              columns, separated by {columns.delimiter === ';' ? 'semicolons' : 'commas'}.
            </p>
          )}
        </div>
      </section>

      {columns && file && (
        <section className="card" aria-labelledby="import-columns">
          <div className="card__header">
            <div>
              <h2 id="import-columns" className="card__title">
                2. Match the columns
              </h2>
              <p className="card__subtitle">
                We guessed from the column names; change any that are wrong. Nothing is created yet.
              </p>
            </div>
          </div>
          <div className="card__body">
            <MappingForm key={file.name + file.size + file.lastModified} columns={columns} onCheck={check} onChange={stale} />
          </div>
        </section>
      )}

      {checked && file && (
        <section className="card" aria-labelledby="import-check">
          <div className="card__header">
            <h2 id="import-check" className="card__title">
              3. Check and import
            </h2>
          </div>
          <div className="card__body stack">
            <ImportReportView report={checked.report} />
            <ImportRun file={file} options={checked.options} report={checked.report} onAgain={() => void choose(null)} />
          </div>
        </section>
      )}
    </div>
  );
}
