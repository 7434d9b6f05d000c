import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';

type Schemas = components['schemas'];

export type DriveOverview = Schemas['DriveOverviewDto'];
export type DriveImport = Schemas['DriveSourceDto'];
export type DriveItem = Schemas['DriveItemDto'];

/** Imports run in the background: the page asks again while one is waiting or running. */
export const refreshWhileImportingMs = 2000;

function useKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    all: ['tenant', tenantId, 'drive'] as const,
    overview: ['tenant', tenantId, 'drive', 'overview'] as const,
    folder: (id: string) => ['tenant', tenantId, 'drive', 'folder', id] as const,
  };
}

export function useDriveOverview() {
  const keys = useKeys();
  return useQuery({
    queryKey: keys.overview,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/drive', { signal })),
    refetchInterval: (query) =>
      query.state.data?.imports.some((i) => i.state === 'queued' || i.state === 'importing') ? refreshWhileImportingMs : false,
  });
}

/** A Drive folder's files, a page at a time ("Show more" asks for the next). */
export function useDriveFolder(folderId: string, enabled: boolean) {
  const keys = useKeys();
  return useInfiniteQuery({
    queryKey: keys.folder(folderId),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/v1/drive/files', { params: { query: { folderId, pageToken: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextPageToken ?? undefined,
  });
}

/** Asks the API where to send the browser (Google's consent page, with state and PKCE challenge), then goes there. */
export function useStartDriveConnection() {
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/drive/connect'))).authorizationUrl,
    onSuccess: (url) => window.location.assign(url),
  });
}

export function useDisconnectDrive() {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/drive/connection')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useImportFromDrive() {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { folderId?: string; fileIds?: string[]; sync: boolean }) =>
      unwrap(
        api.POST('/api/v1/drive/imports', {
          body: { folderId: body.folderId ?? null, fileIds: body.fileIds ?? null, sync: body.sync },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.overview }),
  });
}

export function useSyncNow() {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/drive/imports/{id}/sync', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.overview }),
  });
}

export function useChangeSync() {
  const keys = useKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sync }: { id: string; sync: boolean }) =>
      unwrap(api.PATCH('/api/v1/drive/imports/{id}', { params: { path: { id } }, body: { sync } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.overview }),
  });
}
