import { useState, type FormEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useFileSearch } from './api';
import { typeIcons } from './format';
import { Highlighted } from './Highlighted';
import styles from './files.module.css';

/** The search box: words looked for inside the files' text. */
export function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
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

/** The passages that hold the words, each opening its file. */
export function SearchResults({ q, onOpen, onClear }: { q: string; onOpen: (id: string) => void; onClear: () => void }) {
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
