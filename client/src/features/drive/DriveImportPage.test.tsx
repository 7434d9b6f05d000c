import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import DriveImportPage from './DriveImportPage';

const connection = { account: 'brand.team@example.com', health: 'Healthy', problem: null, connectedAt: '2030-01-01T00:00:00Z' };

function api(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const answer = routes[`${request.method} ${url.pathname}`];
    return answer ? answer(request) : problem(404, { title: 'Not found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('DriveImportPage', () => {
  it('says in words when this server cannot connect Google Drive', async () => {
    sessionStore.set(authResponse());
    api({
      'GET /api/v1/drive': () =>
        json({
          available: false,
          unavailableNote: 'Google Drive is not set up on this server yet.',
          connection: null,
          imports: [],
        }),
    });
    renderPage(<DriveImportPage />, { path: '/app/files/drive' });
    expect(await screen.findByText('Google Drive is not available on this server.')).toBeInTheDocument();
    expect(screen.getByText('Google Drive is not set up on this server yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect Google Drive' })).not.toBeInTheDocument();
  });

  it('shows a connection Google refuses, with what to do', async () => {
    sessionStore.set(authResponse());
    api({
      'GET /api/v1/drive': () =>
        json({
          available: true,
          unavailableNote: null,
          connection: {
            ...connection,
            health: 'Access withdrawn',
            problem: 'Google has withdrawn the access. Connect Google Drive again.',
          },
          imports: [],
        }),
    });
    renderPage(<DriveImportPage />, { path: '/app/files/drive' });
    expect(await screen.findByText('Access withdrawn')).toBeInTheDocument();
    expect(screen.getByText('Google has withdrawn the access. Connect Google Drive again.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect Google Drive again' })).toBeInTheDocument();
  });

  it('opens a folder and imports it kept in sync', async () => {
    sessionStore.set(authResponse());
    let imported: unknown = null;
    api({
      'GET /api/v1/drive': () => json({ available: true, unavailableNote: null, connection, imports: [] }),
      'GET /api/v1/drive/files': (request) =>
        new URL(request.url).searchParams.get('folderId') === 'f1'
          ? json({
              folderId: 'f1',
              items: [
                {
                  id: 'd1',
                  name: 'Tone of voice',
                  isFolder: false,
                  kindLabel: 'Google Doc',
                  sizeBytes: null,
                  modifiedAt: '2030-01-01T00:00:00Z',
                  importable: true,
                  notImportableReason: null,
                },
              ],
              nextPageToken: null,
            })
          : json({
              folderId: 'root',
              items: [
                {
                  id: 'f1',
                  name: 'Brand kit',
                  isFolder: true,
                  kindLabel: 'Folder',
                  sizeBytes: null,
                  modifiedAt: '2030-01-01T00:00:00Z',
                  importable: false,
                  notImportableReason: null,
                },
              ],
              nextPageToken: null,
            }),
      'POST /api/v1/drive/imports': async (request) => {
        imported = await request.json();
        return json(
          {
            id: 's1',
            kind: 'folder',
            name: 'Brand kit',
            sync: true,
            state: 'queued',
            stateLabel: 'Waiting to start',
            importedCount: 0,
            skippedCount: 0,
            notes: [],
            problem: null,
            lastSyncedAt: null,
            createdAt: '2030-01-01T00:00:00Z',
          },
          202,
        );
      },
    });
    renderPage(<DriveImportPage />, { path: '/app/files/drive', url: '/app/files/drive?connected=1' });
    expect(await screen.findByText('Google Drive is connected.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Open folder Brand kit' }));
    const contents = await screen.findByRole('list', { name: 'Contents of Brand kit' });
    expect(within(contents).getByText('Tone of voice')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import Brand kit' }));
    await vi.waitFor(() => expect(imported).toEqual({ folderId: 'f1', fileIds: null, sync: true }));
  });
});
