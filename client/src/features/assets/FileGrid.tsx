import type { Asset, AssetPage } from '../../api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { EmptyState, QueryState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { isSettled, useAssets, useSetAssetStatus, type AssetType } from './api';
import { formatBytes, stateLabel, typeIcons, typeLabels } from './format';
import styles from './files.module.css';

interface FileGridProps {
  filters: { type?: AssetType; tag?: string; page: number; pageSize: number };
  canEdit: boolean;
  onOpen: (asset: Asset) => void;
  onPage: (page: number) => void;
  onUpload: () => void;
  onClear: () => void;
}

/** A page of files as cards, with what to do when there are none. */
export function FileGrid({ filters, canEdit, onOpen, onPage, onUpload, onClear }: FileGridProps) {
  const assets = useAssets(filters);
  const filtered = !!filters.type || !!filters.tag;
  return (
    <QueryState query={assets} loadingLabel="Loading files" rows={6}>
      {(data: AssetPage) =>
        data.items.length === 0 ? (
          <div className="card">
            {filtered ? (
              <EmptyState icon="search" title="No files match" actions={<Button onClick={onClear}>Clear filters</Button>}>
                No file has this type or tag.
              </EmptyState>
            ) : data.total > 0 ? (
              <EmptyState
                icon="folder"
                title="No files on this page"
                actions={<Button onClick={() => onPage(1)}>First page</Button>}
              />
            ) : (
              <EmptyState
                icon="folder"
                title="No files yet"
                actions={
                  canEdit && (
                    <Button variant="primary" icon="upload" onClick={onUpload}>
                      Upload files
                    </Button>
                  )
                }
              >
                Upload your logo, brand guide, product photos and documents: the AI draws on them.
              </EmptyState>
            )}
          </div>
        ) : (
          <div className="stack stack--sm">
            <ul className={styles.grid} aria-label="Files" aria-busy={assets.isPlaceholderData || undefined}>
              {data.items.map((asset) => (
                <FileCard key={asset.id} asset={asset} canEdit={canEdit} onOpen={() => onOpen(asset)} />
              ))}
            </ul>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} />
          </div>
        )
      }
    </QueryState>
  );
}

function FileCard({ asset, canEdit, onOpen }: { asset: Asset; canEdit: boolean; onOpen: () => void }) {
  const state = stateLabel(asset);
  const setStatus = useSetAssetStatus();
  const archived = asset.status === 'archived';
  return (
    <li className={`card ${styles.tile}`}>
      <div className={styles.thumb}>
        {asset.thumbnailUrl ? (
          <img src={asset.thumbnailUrl} alt="" loading="lazy" />
        ) : (
          <Icon name={typeIcons[asset.type] ?? 'file'} />
        )}
      </div>
      <div className={styles.tileBody}>
        <h2 className={styles.tileName}>
          <button type="button" className={styles.tileButton} onClick={onOpen}>
            {asset.name}
          </button>
        </h2>
        <p className="small muted">
          {typeLabels[asset.type] ?? asset.type} · {formatBytes(asset.sizeBytes)} · {formatDate(asset.createdAt)}
        </p>
        <div className={styles.badges}>
          {asset.state !== 'ready' && (
            <Badge tone={state.tone}>
              {!isSettled(asset) && <span className="spinner" aria-hidden="true" />}
              {state.label}
            </Badge>
          )}
          {archived && <Badge tone="warning">Archived</Badge>}
          {asset.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </div>
        {asset.state === 'failed' && asset.failureReason && <p className={styles.failure}>{asset.failureReason}</p>}
        {!archived && asset.archiveSuggestion && (
          <div className={styles.suggestion} role="note">
            <p className="small">{asset.archiveSuggestion} Archive it so the AI stops using it? You decide.</p>
          </div>
        )}
        {canEdit && asset.state === 'ready' && (
          <div className={styles.badges}>
            <Button
              size="sm"
              variant={!archived && asset.archiveSuggestion ? 'primary' : 'ghost'}
              icon={archived ? undefined : 'x'}
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate({ id: asset.id, archive: !archived })}
              aria-label={archived ? `Restore ${asset.name}` : `Archive ${asset.name}`}
            >
              {archived ? 'Restore' : 'Archive'}
            </Button>
          </div>
        )}
        {setStatus.isError && (
          <p className={styles.failure} role="alert">
            {setStatus.error.message}
          </p>
        )}
      </div>
    </li>
  );
}

function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return <p className="small muted">{total === 1 ? '1 file' : `${total} files`}</p>;
  return (
    <nav className={styles.pager} aria-label="Pages of files">
      <Button size="sm" icon="chevronLeft" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span className="small muted">
        Page {page} of {pages} · {total} files
      </span>
      <Button size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
        <Icon name="chevronRight" />
      </Button>
    </nav>
  );
}
