import { useEffect, useState } from 'react';
import { errorMessage, type Asset } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { ErrorState, LoadingState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDateTime } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { isSettled, useAsset, useDeleteAsset } from './api';
import { DetailsForm } from './DetailsForm';
import { formatBytes, isPdf, stateLabel, typeLabels } from './format';
import styles from './files.module.css';

interface AssetPreviewDialogProps {
  assetId: string | null;
  /** The asset as the list has it, shown at once while the latest is fetched. */
  initial?: Asset;
  /** The file's name while it loads, when the opener knows it but not the whole asset (a chat citation). */
  name?: string;
  /** The passage that sent the user here (a chat citation), quoted above the file. */
  passage?: CitedPassage;
  onClose: () => void;
}

export interface CitedPassage {
  marker: number;
  snippet: string;
  page?: number | null;
}

/** A file's preview (image, video, or open/download for the rest), its details, rename and tags, and delete. */
export function AssetPreviewDialog({ assetId, initial, name, passage, onClose }: AssetPreviewDialogProps) {
  return (
    <Dialog open={assetId !== null} onClose={onClose} title={initial?.name ?? name ?? 'File'} size="lg">
      {assetId && (
        <div className="stack">
          {passage && <Passage passage={passage} />}
          <PreviewBody id={assetId} initial={initial} onClose={onClose} />
        </div>
      )}
    </Dialog>
  );
}

function Passage({ passage }: { passage: CitedPassage }) {
  return (
    <figure className={styles.citedPassage}>
      <figcaption className="small muted">
        Cited as source {passage.marker}
        {passage.page ? `, page ${passage.page}` : ''}
      </figcaption>
      <blockquote>{passage.snippet}</blockquote>
    </figure>
  );
}

function PreviewBody({ id, initial, onClose }: { id: string; initial?: Asset; onClose: () => void }) {
  const asset = useAsset(id, initial);
  if (asset.isPending) return <LoadingState label="Loading the file" rows={4} />;
  if (asset.isError) return <ErrorState error={asset.error} onRetry={() => void asset.refetch()} retrying={asset.isFetching} />;
  return <Preview asset={asset.data} onClose={onClose} />;
}

function Preview({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  const remove = useDeleteAsset();
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const state = stateLabel(asset);

  return (
    <div className="stack">
      <Media asset={asset} />
      <div className="cluster">
        <Badge tone={state.tone}>
          {!isSettled(asset) && <span className="spinner" aria-hidden="true" />}
          {state.label}
        </Badge>
        <span className="small muted">
          {typeLabels[asset.type] ?? asset.type} · {formatBytes(asset.sizeBytes)}
          {asset.width && asset.height ? ` · ${asset.width} × ${asset.height} px` : ''}
          {asset.durationSeconds ? ` · ${Math.round(asset.durationSeconds)} s` : ''}
          {asset.chunkCount > 0 ? ` · ${asset.chunkCount} passages searchable` : ''}
        </span>
      </div>
      {asset.state === 'failed' && (
        <Alert tone="error" title="Processing failed">
          {asset.failureReason ?? 'The file could not be processed.'}
        </Alert>
      )}
      {asset.origin ? (
        <p className="small muted">
          From Google Drive:{' '}
          <a href={asset.origin.link} target="_blank" rel="noopener noreferrer">
            {asset.origin.name}
          </a>{' '}
          · last synced {formatDateTime(asset.origin.syncedAt)}
          {asset.version > 1 ? ` · version ${asset.version}` : ''}
        </p>
      ) : (
        <p className="small muted">
          Uploaded {formatDateTime(asset.createdAt)} as {asset.originalFileName}
        </p>
      )}

      {canEdit ? (
        <DetailsForm asset={asset} />
      ) : (
        asset.tags.length > 0 && (
          <div className="cluster">
            {asset.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </div>
        )
      )}

      {canEdit && (
        <div className={styles.dangerRow}>
          <Button variant="danger-ghost" icon="trash" onClick={() => setDeleting(true)}>
            Delete file
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title={`Delete ${asset.name}?`}
        confirmLabel="Delete file"
        onConfirm={() =>
          remove.mutate(asset.id, {
            onSuccess: () => {
              toast.success(`${asset.name} was deleted.`);
              setDeleting(false);
              onClose();
            },
          })
        }
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
      >
        The file, its previews and its search passages are removed for everyone in this workspace. If it is a brand’s logo, the
        brand keeps no logo. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}

/** What the browser can show here: images and videos inline; PDFs and other files open in a tab or download. */
function Media({ asset }: { asset: Asset }) {
  if (asset.type === 'image') {
    const src = asset.previewUrl ?? (isSettled(asset) ? asset.url : null);
    return <div className={styles.stage}>{src ? <img src={src} alt={asset.name} /> : <Waiting />}</div>;
  }
  if (asset.type === 'video') {
    return (
      <div className={styles.stage}>
        {/* Customers' own videos: the API keeps no caption files to offer as a <track>. */}
        {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
        <video controls preload="metadata" poster={asset.previewUrl ?? undefined} src={asset.url}>
          Your browser cannot play this video. <a href={asset.url}>Download it</a> instead.
        </video>
      </div>
    );
  }
  return (
    <div className={`${styles.stage} ${styles.stageDocument}`}>
      <span className={styles.documentIcon}>
        <Icon name="file" />
      </span>
      <p className="small muted">
        {isPdf(asset)
          ? 'PDFs open in your browser’s own viewer, in a new tab, or download.'
          : 'This file is not shown here: download it to open it.'}
      </p>
      <div className="cluster" style={{ justifyContent: 'center' }}>
        {isPdf(asset) && <OpenInTab asset={asset} />}
        <a className="btn btn--secondary" href={asset.url} download={asset.name}>
          <Icon name="download" />
          Download
        </a>
      </div>
    </div>
  );
}

/**
 * The API serves uploaded files under a sandboxing Content-Security-Policy, as downloads, so that nothing a customer
 * uploads can run in this origin; a browser will not show a PDF from there. Opening one fetches its bytes and hands
 * them to the browser's PDF viewer from a local blob link instead.
 */
function OpenInTab({ asset }: { asset: Asset }) {
  const [state, setState] = useState<'idle' | 'opening' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'failed') return;
    const timer = window.setTimeout(() => setState('idle'), 6000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const open = async () => {
    // Opened before the await, while the click still counts as the user's gesture (pop-up blockers).
    const tab = window.open('', '_blank');
    // The tab shows the customer's file: it gets no handle on this page.
    if (tab) tab.opener = null;
    setState('opening');
    try {
      const response = await fetch(asset.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = new Blob([await response.arrayBuffer()], { type: 'application/pdf' });
      const link = URL.createObjectURL(blob);
      if (tab) tab.location.href = link;
      else window.location.assign(link);
      window.setTimeout(() => URL.revokeObjectURL(link), 60_000);
      setState('idle');
    } catch {
      tab?.close();
      setState('failed');
    }
  };
  return (
    <>
      <Button icon="external" onClick={() => void open()} loading={state === 'opening'}>
        Open
      </Button>
      {state === 'failed' && (
        <p className="field__error" role="alert">
          The file could not be opened. Download it instead.
        </p>
      )}
    </>
  );
}

function Waiting() {
  return (
    <div className={styles.waiting} role="status">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span className="small muted">Making the preview…</span>
    </div>
  );
}
