import { useEffect, useId, useState, type DragEvent } from 'react';
import type { Asset } from '../../api';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { formatBytes } from './format';
import { useUploadQueue, type UploadItem } from './useUploadQueue';
import styles from './assets.module.css';

/** What the API accepts, by content (Infrastructure/Assets): the picker offers these; the server checks the bytes. */
export const acceptedFiles =
  'image/png,image/jpeg,image/gif,image/webp,video/mp4,video/quicktime,video/webm,application/pdf,text/plain,text/markdown,.md,.docx';

interface FileUploaderProps {
  companyId?: string | null;
  onUploaded?: (assets: Asset[]) => void;
}

/** Drag and drop (or a file picker), then a progress bar per file, the server's message on a file it refuses. */
export function FileUploader({ companyId, onUploaded }: FileUploaderProps) {
  const queue = useUploadQueue({ companyId, onUploaded });
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const hintId = useId();

  // A file dropped beside the drop zone would make the browser leave the page to show it: nothing happens instead.
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    queue.add(event.dataTransfer.files);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const done = queue.items.filter((item) => item.status === 'done').length;
  const failed = queue.items.filter((item) => item.status === 'failed').length;
  const busy = queue.items.some((item) => item.status === 'uploading' || item.status === 'queued');

  return (
    <div className="stack stack--sm">
      <div
        className={dragging ? `${styles.dropzone} ${styles.dropzoneActive}` : styles.dropzone}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={(event) => {
          // Moving over the zone's own text and button is not leaving it.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <span className={styles.dropIcon}>
          <Icon name="upload" />
        </span>
        <p className={styles.dropTitle}>Drag and drop files here</p>
        <p className="small muted" id={hintId}>
          Images, videos, PDFs, Word documents and text files.
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          accept={acceptedFiles}
          className={`visually-hidden ${styles.fileInput}`}
          aria-describedby={hintId}
          onChange={(event) => {
            if (event.target.files) queue.add(event.target.files);
            // The same file can be chosen again (after fixing it, or to retry).
            event.target.value = '';
          }}
        />
        <label htmlFor={inputId} className={`btn btn--secondary ${styles.chooseButton}`}>
          <Icon name="plus" />
          Choose files
        </label>
      </div>

      <p className="visually-hidden" role="status">
        {queue.items.length === 0
          ? ''
          : busy
            ? `Uploading: ${done} of ${queue.items.length} files done.`
            : `${done} of ${queue.items.length} files uploaded${failed ? `, ${failed} not uploaded` : ''}.`}
      </p>

      {queue.items.length > 0 && (
        <ul className={styles.uploads} aria-label="Uploads">
          {queue.items.map((item) => (
            <UploadRow
              key={item.id}
              item={item}
              onRetry={() => queue.retry(item.id)}
              onRemove={() => queue.remove(item.id)}
              onCancel={queue.cancel}
            />
          ))}
        </ul>
      )}
      {done > 0 && !busy && (
        <div>
          <Button size="sm" variant="ghost" onClick={queue.clearFinished}>
            Clear finished uploads
          </Button>
        </div>
      )}
    </div>
  );
}

function UploadRow({
  item,
  onRetry,
  onRemove,
  onCancel,
}: {
  item: UploadItem;
  onRetry: () => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const percent = Math.round(item.progress * 100);
  const name = item.file.name;
  return (
    <li className={styles.upload} data-status={item.status}>
      <div className={styles.uploadTop}>
        <span className={styles.uploadName}>{name}</span>
        <span className="small muted">{formatBytes(item.file.size)}</span>
      </div>
      <div
        className={styles.progress}
        role="progressbar"
        aria-label={`Upload of ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={item.status === 'failed' ? 'Not uploaded' : `${percent}%`}
      >
        <span className={styles.progressFill} style={{ width: `${item.status === 'failed' ? 100 : percent}%` }} />
      </div>
      <div className={styles.uploadBottom}>
        {item.status === 'failed' ? (
          <p className={styles.uploadError}>
            <Icon name="alert" />
            <span>{item.error}</span>
          </p>
        ) : (
          <p className="small muted">
            {item.status === 'queued'
              ? 'Waiting…'
              : item.status === 'uploading'
                ? `${percent}% uploaded`
                : 'Uploaded: processing starts now'}
          </p>
        )}
        <div className={styles.uploadActions}>
          {item.status === 'uploading' && (
            <Button size="sm" variant="ghost" onClick={onCancel} aria-label={`Cancel the upload of ${name}`}>
              Cancel
            </Button>
          )}
          {item.status === 'failed' && (
            <Button size="sm" icon="refresh" onClick={onRetry} aria-label={`Try ${name} again`}>
              Retry
            </Button>
          )}
          {(item.status === 'failed' || item.status === 'queued') && (
            <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`}>
              Remove
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
