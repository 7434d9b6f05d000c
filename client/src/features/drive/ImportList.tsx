import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../lib/format';
import { useChangeSync, useSyncNow, type DriveImport } from './api';

function tone(item: DriveImport): 'neutral' | 'primary' | 'success' | 'danger' {
  if (item.state === 'failed') return 'danger';
  if (item.state === 'imported') return item.problem ? 'danger' : 'success';
  return 'primary';
}

/** The imports, newest first: their progress, what was left out and why, and for a synced folder its last sync. */
export function ImportList({ imports, canEdit }: { imports: DriveImport[]; canEdit: boolean }) {
  const syncNow = useSyncNow();
  const changeSync = useChangeSync();
  return (
    <section className="card" aria-labelledby="drive-imports-title">
      <div className="card__header">
        <h2 id="drive-imports-title" className="card__title">
          Imports
        </h2>
      </div>
      <div className="card__body card__body--flush">
        <ul className="list" aria-label="Imports from Google Drive">
          {imports.map((item) => (
            <li key={item.id} className="item-row">
              <div className="item-row__text">
                <p className="item-row__name">
                  {item.name}
                  <Badge tone={tone(item)}>
                    {(item.state === 'queued' || item.state === 'importing') && <span className="spinner" aria-hidden="true" />}
                    {item.stateLabel}
                  </Badge>
                </p>
                <p className="small muted">
                  {item.importedCount === 1 ? '1 file imported' : `${item.importedCount} files imported`}
                  {item.skippedCount > 0 && ` · ${item.skippedCount} left out`}
                  {item.lastSyncedAt && ` · last synced ${formatDateTime(item.lastSyncedAt)}`}
                </p>
                {item.problem && <p className="small">{item.problem}</p>}
                {item.notes.length > 0 && (
                  <details className="small">
                    <summary>Files that were left out</summary>
                    <ul>
                      {item.notes.map((note, index) => (
                        <li key={index}>{note}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
              {canEdit && item.kind === 'folder' && item.state === 'imported' && (
                <div className="cluster">
                  {item.sync && (
                    <Button
                      size="sm"
                      icon="refresh"
                      loading={syncNow.isPending && syncNow.variables === item.id}
                      onClick={() => syncNow.mutate(item.id)}
                    >
                      Sync now
                    </Button>
                  )}
                  <Button size="sm" variant="ghost" onClick={() => changeSync.mutate({ id: item.id, sync: !item.sync })}>
                    {item.sync ? 'Stop syncing' : 'Keep in sync'}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {(syncNow.isError || changeSync.isError) && (
          <Alert tone="error" title="That did not work.">
            {errorMessage(syncNow.error ?? changeSync.error)}
          </Alert>
        )}
      </div>
    </section>
  );
}
