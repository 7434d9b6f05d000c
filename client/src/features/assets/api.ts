import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Asset, type AssetPage, type AssetUpdate } from '../../api';
import { useSession } from '../auth/useSession';

export type AssetType = 'image' | 'video' | 'document' | 'text';
export const assetTypes: { value: AssetType; label: string }[] = [
  { value: 'image', label: 'Images' },
  { value: 'video', label: 'Videos' },
  { value: 'document', label: 'Documents' },
  { value: 'text', label: 'Text' },
];

export interface AssetFilters {
  type?: AssetType;
  tag?: string;
  page?: number;
  pageSize?: number;
}

/** Processing runs in the background: lists and previews ask again until every file they show is settled. */
export const refreshWhileProcessingMs = 2000;

export function isSettled(asset: Asset): boolean {
  return asset.state === 'ready' || asset.state === 'failed';
}

export function useAssetKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    all: ['tenant', tenantId, 'assets'] as const,
    list: (filters: AssetFilters) => ['tenant', tenantId, 'assets', 'list', filters] as const,
    one: (id: string) => ['tenant', tenantId, 'assets', 'one', id] as const,
    search: (q: string) => ['tenant', tenantId, 'assets', 'search', q] as const,
  };
}

export function useAssets(filters: AssetFilters) {
  const keys = useAssetKeys();
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/assets', {
          params: { query: { type: filters.type, tag: filters.tag, page: filters.page, pageSize: filters.pageSize } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((asset) => !isSettled(asset)) ? refreshWhileProcessingMs : false),
  });
}

export function useAsset(id: string, initial?: Asset) {
  const keys = useAssetKeys();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/assets/{id}', { params: { path: { id } }, signal })),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && !isSettled(query.state.data) ? refreshWhileProcessingMs : false),
  });
}

export function useFileSearch(q: string) {
  const keys = useAssetKeys();
  return useQuery({
    queryKey: keys.search(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ai/search-files', { params: { query: { q, limit: 20 } }, signal })),
    enabled: q.trim().length > 0,
  });
}

export function useUpdateAsset() {
  const keys = useAssetKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AssetUpdate }) =>
      unwrap(api.PATCH('/api/v1/assets/{id}', { params: { path: { id } }, body })),
    onSuccess: (asset) => {
      queryClient.setQueryData(keys.one(asset.id), asset);
      queryClient.setQueriesData<AssetPage>({ queryKey: [...keys.all, 'list'] }, (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === asset.id ? asset : item)) } : page,
      );
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** Archive (optionally naming the file that replaces it) or restore a file: archived files no longer ground the AI. */
export function useSetAssetStatus() {
  const keys = useAssetKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archive, supersededBy }: { id: string; archive: boolean; supersededBy?: string }) =>
      archive
        ? unwrap(
            api.POST('/api/v1/assets/{id}/archive', { params: { path: { id } }, body: { supersededBy: supersededBy ?? null } }),
          )
        : unwrap(api.POST('/api/v1/assets/{id}/restore', { params: { path: { id } } })),
    onSuccess: (asset) => {
      queryClient.setQueryData(keys.one(asset.id), asset);
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useDeleteAsset() {
  const keys = useAssetKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/assets/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: keys.one(id) });
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** After an upload: every list of files is out of date. */
export function useAssetsChanged() {
  const keys = useAssetKeys();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.all });
}
