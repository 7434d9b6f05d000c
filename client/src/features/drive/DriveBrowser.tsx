import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { ErrorState, LoadingState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatBytes } from '../assets/format';
import { useDriveFolder, useImportFromDrive, type DriveItem } from './api';
import styles from './drive.module.css';

const schema = z.object({ sync: z.boolean() });
type ImportValues = z.infer<typeof schema>;

interface Folder {
  id: string;
  name: string;
}

const myDrive: Folder = { id: 'root', name: 'My Drive' };

/** Browses the connected Drive folder by folder; imports the open folder (optionally kept in sync) or the ticked files. */
export function DriveBrowser() {
  const [path, setPath] = useState<Folder[]>([myDrive]);
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const folder = path[path.length - 1] ?? myDrive;
  const listing = useDriveFolder(folder.id, true);
  const start = useImportFromDrive();
  const toast = useToast();
  const form = useForm<ImportValues>({ resolver: zodResolver(schema), defaultValues: { sync: true } });
  const items = listing.data?.pages.flatMap((page) => page.items) ?? [];
  const atRoot = path.length === 1;

  const open = (item: DriveItem) => {
    setPath([...path, { id: item.id, name: item.name }]);
    setChosen(new Map());
  };
  const toggle = (item: DriveItem, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(item.id, item.name);
    else next.delete(item.id);
    setChosen(next);
  };

  // A refusal is shown by the alert below (the mutation's error), so it is not thrown on.
  const importFolder = form.handleSubmit(async ({ sync }) => {
    try {
      await start.mutateAsync({ folderId: folder.id, sync });
      toast.success(`Importing ${folder.name}. Its files appear in your files as they arrive.`);
    } catch {
      // Shown below.
    }
  });
  const importFiles = async () => {
    try {
      await start.mutateAsync({ fileIds: [...chosen.keys()], sync: false });
      toast.success(`Importing ${chosen.size === 1 ? '1 file' : `${chosen.size} files`}.`);
      setChosen(new Map());
    } catch {
      // Shown below.
    }
  };

  return (
    <section className="card" aria-labelledby="drive-browser-title">
      <div className="card__header">
        <h2 id="drive-browser-title" className="card__title">
          Choose what to import
        </h2>
      </div>
      <div className="card__body stack">
        <nav aria-label="Folder path" className={styles.path}>
          {path.map((step, index) =>
            index === path.length - 1 ? (
              <strong key={step.id} aria-current="location">
                {step.name}
              </strong>
            ) : (
              <Button key={step.id} variant="ghost" size="sm" onClick={() => setPath(path.slice(0, index + 1))}>
                {step.name}
              </Button>
            ),
          )}
        </nav>

        {listing.isPending ? (
          <LoadingState label={`Loading ${folder.name}`} />
        ) : listing.isError ? (
          <ErrorState error={listing.error} onRetry={() => void listing.refetch()} retrying={listing.isFetching} />
        ) : items.length === 0 ? (
          <p className="small muted">This folder is empty.</p>
        ) : (
          <ul className="list" aria-label={`Contents of ${folder.name}`}>
            {items.map((item) => (
              <li key={item.id} className={styles.item}>
                {item.isFolder ? (
                  <Button variant="ghost" icon="folder" onClick={() => open(item)} aria-label={`Open folder ${item.name}`}>
                    {item.name}
                  </Button>
                ) : (
                  <label className={styles.file}>
                    <input
                      type="checkbox"
                      disabled={!item.importable}
                      checked={chosen.has(item.id)}
                      onChange={(event) => toggle(item, event.target.checked)}
                    />
                    <Icon name={item.kindLabel === 'Video' ? 'video' : item.kindLabel === 'Image' ? 'image' : 'file'} />
                    <span className={styles.fileName}>{item.name}</span>
                    <span className="small muted">
                      {item.kindLabel}
                      {item.sizeBytes ? ` · ${formatBytes(item.sizeBytes)}` : ''}
                      {item.notImportableReason ? ` · ${item.notImportableReason}` : ''}
                    </span>
                  </label>
                )}
              </li>
            ))}
          </ul>
        )}
        {listing.hasNextPage && (
          <div>
            <Button size="sm" loading={listing.isFetchingNextPage} onClick={() => void listing.fetchNextPage()}>
              Show more
            </Button>
          </div>
        )}

        {start.isError && (
          <Alert tone="error" title="The import did not start.">
            {errorMessage(start.error)}
          </Alert>
        )}
        <form className={styles.actions} onSubmit={(event) => void importFolder(event)} noValidate>
          {chosen.size > 0 ? (
            <Button variant="primary" icon="download" loading={start.isPending} onClick={() => void importFiles()}>
              {`Import ${chosen.size === 1 ? '1 chosen file' : `${chosen.size} chosen files`}`}
            </Button>
          ) : atRoot ? (
            <p className="small muted">Open a folder to import it whole, or tick the files to import.</p>
          ) : (
            <>
              <label className={styles.check}>
                <input type="checkbox" {...form.register('sync')} />
                <span>Keep this folder in sync: new and changed files come in, deleted ones are archived</span>
              </label>
              <Button type="submit" variant="primary" icon="download" loading={start.isPending}>
                {`Import ${folder.name}`}
              </Button>
            </>
          )}
        </form>
      </div>
    </section>
  );
}
