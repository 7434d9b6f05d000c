import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { hasRole, useSession } from '../auth/useSession';
import { useDisconnectDrive, useDriveOverview, useStartDriveConnection, type DriveOverview } from './api';
import { DriveBrowser } from './DriveBrowser';
import { ImportList } from './ImportList';

/** The outcome Google's redirect back put in the address: `?connected=1` or `?error=…`. */
function CallbackOutcome() {
  const [params] = useSearchParams();
  if (params.get('connected')) {
    return (
      <Alert tone="success" title="Google Drive is connected.">
        Choose a folder or files below to import them.
      </Alert>
    );
  }
  const error = params.get('error');
  return error ? (
    <Alert tone="error" title="Google Drive was not connected.">
      {error}
    </Alert>
  ) : null;
}

export default function DriveImportPage() {
  const overview = useDriveOverview();
  return (
    <>
      <PageHeader
        title="Import from Google Drive"
        description="Bring your brand’s documents, logos and photos in from Drive. Docs, Sheets and Slides are converted so the AI can read them; a folder can be kept in sync."
        actions={
          <ButtonLink to="/app/files" icon="arrowLeft">
            Back to files
          </ButtonLink>
        }
      />
      <div className="stack">
        <CallbackOutcome />
        <QueryState query={overview} loadingLabel="Loading Google Drive">
          {(data) => <DriveContent overview={data} />}
        </QueryState>
      </div>
    </>
  );
}

function DriveContent({ overview }: { overview: DriveOverview }) {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const canEdit = hasRole(session, 'editor');
  const start = useStartDriveConnection();
  const disconnect = useDisconnectDrive();
  const toast = useToast();
  const [removing, setRemoving] = useState(false);
  const connection = overview.connection;

  if (!overview.available && !connection) {
    return (
      <Alert tone="info" title="Google Drive is not available on this server.">
        {overview.unavailableNote}
      </Alert>
    );
  }

  return (
    <>
      <section className="card" aria-labelledby="drive-connection-title">
        <div className="card__header">
          <h2 id="drive-connection-title" className="card__title">
            Google account
          </h2>
        </div>
        <div className="card__body stack">
          {connection ? (
            <div className="item-row">
              <div className="item-row__text">
                <p className="item-row__name">
                  {connection.account}
                  <Badge tone={connection.problem ? 'danger' : 'success'}>{connection.health}</Badge>
                </p>
                {connection.problem && <p className="small">{connection.problem}</p>}
              </div>
              {isAdmin && connection.problem && (
                <Button variant="primary" loading={start.isPending} onClick={() => start.mutate()}>
                  Connect Google Drive again
                </Button>
              )}
              {isAdmin && (
                <Button variant="danger-ghost" size="sm" onClick={() => setRemoving(true)}>
                  Disconnect
                </Button>
              )}
            </div>
          ) : (
            <>
              <p className="small muted">
                Connecting asks Google for permission to see and download your Drive files, read-only: nothing in your Drive is
                changed. The access stays on the server, encrypted, and you can withdraw it in your Google account at any time.
              </p>
              {isAdmin ? (
                <div>
                  <Button variant="primary" icon="folder" loading={start.isPending} onClick={() => start.mutate()}>
                    Connect Google Drive
                  </Button>
                </div>
              ) : (
                <p className="small">An admin of this workspace connects Google Drive.</p>
              )}
            </>
          )}
          {start.isError && (
            <Alert tone="error" title="Google Drive could not be connected.">
              {errorMessage(start.error)}
            </Alert>
          )}
        </div>
      </section>

      {connection && !connection.problem && canEdit && <DriveBrowser />}
      {overview.imports.length > 0 && <ImportList imports={overview.imports} canEdit={canEdit} />}

      <ConfirmDialog
        open={removing}
        title="Disconnect Google Drive?"
        confirmLabel="Disconnect"
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              toast.success('Google Drive was disconnected.');
              setRemoving(false);
            },
          })
        }
        onClose={() => setRemoving(false)}
        danger
        pending={disconnect.isPending}
        error={disconnect.isError ? errorMessage(disconnect.error) : undefined}
      >
        Imported files stay in your files. Folders kept in sync stop following Drive until it is connected again.
      </ConfirmDialog>
    </>
  );
}
