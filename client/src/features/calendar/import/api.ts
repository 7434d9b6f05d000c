import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiUrl, ApiError, uploadWithProgress } from '../../../api';
import type { components } from '../../../api/schema.gen';
import { useContentKeys } from '../api';

type Schemas = components['schemas'];
export type ImportColumns = Schemas['ImportColumnsDto'];
export type ImportReport = Schemas['ImportReportDto'];
export type ImportField = Schemas['ImportFieldDto'];
export type ImportTarget = Schemas['ImportTarget'];
export type ImportMode = Schemas['ImportMode'];

/** What the file's rows become and which column fills which field (field key to column header). */
export interface ImportOptions {
  target: ImportTarget;
  mapping: Record<string, string>;
}

function form(file: File, options?: ImportOptions, mode?: ImportMode): FormData {
  const body = new FormData();
  body.append('file', file);
  if (options) {
    body.append('target', options.target);
    body.append('mapping', JSON.stringify(options.mapping));
  }
  if (mode) body.append('mode', mode);
  return body;
}

export function readColumns(file: File): Promise<ImportColumns> {
  return uploadWithProgress<ImportColumns>({ path: '/api/v1/content/import/columns', body: form(file) });
}

export function dryRun(file: File, options: ImportOptions): Promise<ImportReport> {
  return uploadWithProgress<ImportReport>({ path: '/api/v1/content/import/dry-run', body: form(file, options) });
}

/** Imports the file; the calendar is read again, since it now holds the new posts. */
export function useImport() {
  const client = useQueryClient();
  const keys = useContentKeys();
  return useMutation({
    mutationFn: ({ file, options, mode }: { file: File; options: ImportOptions; mode: ImportMode }) =>
      uploadWithProgress<ImportReport>({ path: '/api/v1/content/import', body: form(file, options, mode) }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Saves the template CSV: fetched with the session (a plain link would carry no token), then handed to the browser. */
export async function downloadTemplate(): Promise<void> {
  const response = await apiFetch(new Request(apiUrl('/api/v1/content/import/template')));
  if (!response.ok) throw await ApiError.fromResponse(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'posts-template.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
