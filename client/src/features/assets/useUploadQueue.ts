import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError, uploadWithProgress, type Asset } from '../../api';

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  id: string;
  file: File;
  status: UploadStatus;
  /** 0 to 1: this file's share of the request body sent so far. */
  progress: number;
  error?: string;
  asset?: Asset;
  /** Sent in a request of its own: it is large, or a shared request was refused and this one must be told apart. */
  alone?: boolean;
}

/** A file above this goes in a request of its own; smaller ones share one, up to the limits below. */
export const aloneAboveBytes = 4 * 1024 * 1024;
const maxFilesPerRequest = 10;
const maxBytesPerRequest = 8 * 1024 * 1024;

/** The next request's files: the first queued file, with the small queued files after it that fit beside it. */
export function nextBatch(items: readonly UploadItem[]): UploadItem[] {
  const queued = items.filter((item) => item.status === 'queued');
  const first = queued[0];
  if (!first) return [];
  if (first.alone || first.file.size > aloneAboveBytes) return [first];
  const batch = [first];
  let bytes = first.file.size;
  for (const item of queued.slice(1)) {
    if (batch.length === maxFilesPerRequest) break;
    if (item.alone || item.file.size > aloneAboveBytes || bytes + item.file.size > maxBytesPerRequest) continue;
    batch.push(item);
    bytes += item.file.size;
  }
  return batch;
}

/** Each file's progress, 0 to 1, when `sent` bytes of the files (laid one after the other) have gone out. */
export function progressOf(sizes: readonly number[], sent: number): number[] {
  let start = 0;
  return sizes.map((size) => {
    const from = start;
    start += size;
    if (size === 0) return sent >= from ? 1 : 0;
    return Math.min(1, Math.max(0, (sent - from) / size));
  });
}

/** Which files of a refused request the server named (`files[2]`), by their index in that request. */
function namedFiles(error: unknown): Map<number, string> {
  const named = new Map<number, string>();
  if (!isApiError(error)) return named;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const match = /^files\[(\d+)\]$/i.exec(field);
    if (match) named.set(Number(match[1]), messages.join(' '));
  }
  return named;
}

let nextId = 1;

interface UploadQueueOptions {
  /** The brand the files belong to (the onboarding company). */
  companyId?: string | null;
  onUploaded?: (assets: Asset[]) => void;
}

/**
 * Uploads files with a progress bar each. Small files share a request (the API takes several at once, all or
 * nothing); large ones go one per request. When the API refuses a shared request, the file it names fails with its
 * message and the others go again; when it names none, each goes again alone, so that only the refused one fails.
 */
export function useUploadQueue({ companyId, onUploaded }: UploadQueueOptions = {}) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const current = useRef<UploadItem[]>([]);
  const inFlight = useRef<AbortController | null>(null);
  const options = useRef({ companyId, onUploaded });
  useEffect(() => {
    options.current = { companyId, onUploaded };
  });
  useEffect(() => () => inFlight.current?.abort(), []);

  const update = useCallback((change: (list: UploadItem[]) => UploadItem[]) => {
    current.current = change(current.current);
    setItems(current.current);
  }, []);

  const patch = useCallback(
    (ids: readonly string[], change: (item: UploadItem, index: number) => UploadItem) =>
      update((list) =>
        list.map((item) => {
          const index = ids.indexOf(item.id);
          return index < 0 ? item : change(item, index);
        }),
      ),
    [update],
  );

  const pump = useCallback(async () => {
    if (inFlight.current) return;
    for (let batch = nextBatch(current.current); batch.length > 0; batch = nextBatch(current.current)) {
      const controller = new AbortController();
      inFlight.current = controller;
      const ids = batch.map((item) => item.id);
      const sizes = batch.map((item) => item.file.size);
      const bytes = sizes.reduce((sum, size) => sum + size, 0);
      patch(ids, (item) => ({ ...item, status: 'uploading', progress: 0, error: undefined }));

      const body = new FormData();
      for (const item of batch) body.append('files', item.file, item.file.name);
      const companyId = options.current.companyId;
      const path = `/api/v1/onboarding/assets/upload${companyId ? `?companyId=${encodeURIComponent(companyId)}` : ''}`;
      try {
        const assets = await uploadWithProgress<Asset[]>({
          path,
          body,
          signal: controller.signal,
          // The body is the files plus a little multipart framing: share what was sent out in proportion.
          onProgress: ({ loaded, total }) => {
            const shares = progressOf(sizes, total > 0 ? (loaded / total) * bytes : 0);
            patch(ids, (item, index) => ({ ...item, progress: shares[index]! }));
          },
        });
        patch(ids, (item, index) => ({ ...item, status: 'done', progress: 1, asset: assets[index] }));
        options.current.onUploaded?.(assets);
      } catch (error) {
        if (controller.signal.aborted) {
          patch(ids, (item) => ({ ...item, status: 'failed', error: 'Cancelled.' }));
        } else {
          const named = namedFiles(error);
          const tellApart = batch.length > 1 && isApiError(error) && !error.isNetwork && error.status < 500;
          patch(ids, (item, index) => {
            const message = named.get(index);
            if (message) return { ...item, status: 'failed', error: message };
            if (tellApart) return { ...item, status: 'queued', progress: 0, alone: named.size === 0 };
            return { ...item, status: 'failed', error: errorMessage(error) };
          });
        }
      } finally {
        inFlight.current = null;
      }
    }
  }, [patch]);

  const add = useCallback(
    (files: Iterable<File>) => {
      const added = [...files].map((file): UploadItem => ({ id: `upload-${nextId++}`, file, status: 'queued', progress: 0 }));
      if (added.length === 0) return;
      update((list) => [...list, ...added]);
      void pump();
    },
    [pump, update],
  );

  const retry = useCallback(
    (id: string) => {
      patch([id], (item) => ({ ...item, status: 'queued', progress: 0, error: undefined }));
      void pump();
    },
    [patch, pump],
  );

  const remove = useCallback((id: string) => update((list) => list.filter((item) => item.id !== id)), [update]);

  /** Stops the request in flight; its files can be tried again. */
  const cancel = useCallback(() => inFlight.current?.abort(), []);

  const clearFinished = useCallback(() => update((list) => list.filter((item) => item.status !== 'done')), [update]);

  return { items, add, retry, remove, cancel, clearFinished };
}
