import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Asset, AssetPage } from '../../api';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon, type IconName } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState, QueryState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import {
  assetTypes,
  isSettled,
  useAssetKeys,
  useAssets,
  useAssetsChanged,
  useFileSearch,
  useSetAssetStatus,
  type AssetType,
} from './api';
import { AssetPreviewDialog } from './AssetPreviewDialog';
import { FileUploader } from './FileUploader';
import { formatBytes, stateLabel, typeLabels } from './format';
import { Highlighted } from './Highlighted';
import styles from './files.module.css';

const pageSize = 24;

const typeIcons: Record<string, IconName> = { image: 'image', video: 'video', document: 'file', text: 'file' };

function isAssetType(value: string | null): value is AssetType {
  return assetTypes.some((type) => type.value === value);
}

export default function FilesPage() {
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const type = isAssetType(typeParam) ? typeParam : undefined;
  const tag = params.get('tag')?.trim() || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q')?.trim() ?? '';
  const [uploading, setUploading] = useState(false);
  const [open, setOpen] = useState<{ id: string; asset?: Asset } | null>(null);
  const assetsChanged = useAssetsChanged();
  const queryClient = useQueryClient();
  const keys = useAssetKeys();

  /** Changes some of the address's filters; any change of filter goes back to the first page. */
  const setFilters = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in change)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title="Files"
        description="Your brand’s images, videos and documents. The AI reads them; search finds words inside them."
        actions={
          canEdit && (
            <Button
              variant={uploading ? 'secondary' : 'primary'}
              icon={uploading ? 'x' : 'upload'}
              onClick={() => setUploading((v) => !v)}
              aria-expanded={uploading}
              aria-controls="upload-panel"
            >
              {uploading ? 'Close uploads' : 'Upload files'}
            </Button>
          )
        }
      />

      {canEdit && (
        <section id="upload-panel" className="card" aria-label="Upload files" hidden={!uploading}>
          <div className="card__body">{uploading && <FileUploader onUploaded={assetsChanged} />}</div>
        </section>
      )}

      <SearchForm
        key={q}
        initial={q}
        onSearch={(value) =>
          // The same words again ask again: a file may have finished processing meanwhile.
          value === q && q
            ? void queryClient.invalidateQueries({ queryKey: keys.search(q) })
            : setFilters({ q: value || undefined, type, tag })
        }
      />

      {q ? (
        <SearchResults q={q} onOpen={(id) => setOpen({ id })} onClear={() => setFilters({ q: undefined })} />
      ) : (
        <>
          <Filters key={`${type}|${tag}`} type={type} tag={tag} onChange={setFilters} />
          <FileGrid
            filters={{ type, tag, page, pageSize }}
            canEdit={canEdit}
            onOpen={(asset) => setOpen({ id: asset.id, asset })}
            onPage={(next) => setFilters({ page: next > 1 ? String(next) : undefined })}
            onUpload={() => setUploading(true)}
            onClear={() => setFilters({ type: undefined, tag: undefined })}
          />
        </>
      )}

      <AssetPreviewDialog assetId={open?.id ?? null} initial={open?.asset} onClose={() => setOpen(null)} />
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" className={styles.search} onSubmit={submit}>
      <label htmlFor="file-search" className="visually-hidden">
        Search inside your files
      </label>
      <span className={styles.searchIcon} aria-hidden="true">
        <Icon name="search" />
      </span>
      <input
        id="file-search"
        type="search"
        className={`input ${styles.searchInput}`}
        placeholder="Search inside your files"
        value={value}
        maxLength={200}
        onChange={(event) => setValue(event.target.value)}
      />
      <Button type="submit">Search</Button>
    </form>
  );
}

function SearchResults({ q, onOpen, onClear }: { q: string; onOpen: (id: string) => void; onClear: () => void }) {
  const results = useFileSearch(q);
  return (
    <section className="card" aria-labelledby="search-results">
      <div className="card__header">
        <div>
          <h2 id="search-results" className="card__title">
            Results for “{q}”
          </h2>
          {results.isSuccess && (
            <p className="card__subtitle" role="status">
              {results.data.length === 0
                ? 'No passage matches.'
                : `${results.data.length} passage${results.data.length === 1 ? '' : 's'} found.`}
            </p>
          )}
        </div>
        <Button size="sm" variant="ghost" icon="x" onClick={onClear}>
          Clear search
        </Button>
      </div>
      {results.isPending ? (
        <LoadingState label="Searching" rows={3} />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} retrying={results.isFetching} />
      ) : results.data.length === 0 ? (
        <EmptyState icon="search" title="Nothing found">
          Words are found in text, Markdown, PDF and Word files once they are processed. Try other words.
        </EmptyState>
      ) : (
        <ul className="list">
          {results.data.map((hit, index) => (
            <li key={`${hit.assetId}-${hit.chunkId ?? index}`} className={styles.hit}>
              <div className={styles.hitHead}>
                <Icon name={typeIcons[hit.assetType] ?? 'file'} />
                <button type="button" className={styles.hitName} onClick={() => onOpen(hit.assetId)}>
                  <Highlighted html={hit.assetName} />
                </button>
                {hit.page != null && <span className="small muted">page {hit.page}</span>}
                {hit.status === 'archived' && <Badge tone="warning">Archived</Badge>}
              </div>
              {hit.heading && <p className="small muted">{hit.heading}</p>}
              <p className={styles.snippet}>
                <Highlighted html={hit.snippet} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Filters({
  type,
  tag,
  onChange,
}: {
  type?: AssetType;
  tag?: string;
  onChange: (change: Record<string, string | undefined>) => void;
}) {
  const [tagText, setTagText] = useState(tag ?? '');
  return (
    <form
      className={styles.filters}
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ type, tag: tagText.trim() || undefined });
      }}
    >
      <div className={styles.filter}>
        <label htmlFor="filter-type" className="field__label">
          Type
        </label>
        <select
          id="filter-type"
          className="select select--sm"
          value={type ?? ''}
          onChange={(event) => onChange({ type: event.target.value || undefined, tag })}
        >
          <option value="">All types</option>
          {assetTypes.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filter}>
        <label htmlFor="filter-tag" className="field__label">
          Tag
        </label>
        <div className={styles.tagFilter}>
          <input
            id="filter-tag"
            className={`input ${styles.inputSm}`}
            value={tagText}
            placeholder="e.g. logo"
            onChange={(event) => setTagText(event.target.value)}
          />
          <Button type="submit" size="sm">
            Apply
          </Button>
        </div>
      </div>
    </form>
  );
}

interface FileGridProps {
  filters: { type?: AssetType; tag?: string; page: number; pageSize: number };
  canEdit: boolean;
  onOpen: (asset: Asset) => void;
  onPage: (page: number) => void;
  onUpload: () => void;
  onClear: () => void;
}

function FileGrid({ filters, canEdit, onOpen, onPage, onUpload, onClear }: FileGridProps) {
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
