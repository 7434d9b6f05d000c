import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Asset } from '../../api';
import { Button, ButtonLink } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { hasRole, useSession } from '../auth/useSession';
import { assetTypes, useAssetKeys, useAssetsChanged, type AssetType } from './api';
import { AssetPreviewDialog } from './AssetPreviewDialog';
import { FileGrid } from './FileGrid';
import { SearchForm, SearchResults } from './FileSearch';
import { FileUploader } from './FileUploader';
import styles from './files.module.css';

const pageSize = 24;

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
            <div className="cluster">
              <ButtonLink to="/app/files/drive" icon="folder">
                Import from Google Drive
              </ButtonLink>
              <Button
                variant={uploading ? 'secondary' : 'primary'}
                icon={uploading ? 'x' : 'upload'}
                onClick={() => setUploading((v) => !v)}
                aria-expanded={uploading}
                aria-controls="upload-panel"
              >
                {uploading ? 'Close uploads' : 'Upload files'}
              </Button>
            </div>
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
