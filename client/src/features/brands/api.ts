import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Company, type CompanyRequest } from '../../api';
import { useSession } from '../auth/useSession';

/** Brands belong to a workspace: the key carries its id, so switching workspace never shows the wrong list. */
function useBrandKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    all: ['tenant', tenantId, 'brands'] as const,
    one: (id: string) => ['tenant', tenantId, 'brands', id] as const,
  };
}

export function useBrands() {
  const keys = useBrandKeys();
  return useQuery({
    queryKey: keys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/companies', { signal })),
  });
}

export function useBrand(id: string) {
  const keys = useBrandKeys();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id } }, signal })),
    // Shown at once from the list when it is cached, then refreshed when that list is older than staleTime.
    initialData: () => queryClient.getQueryData<Company[]>(keys.all)?.find((brand) => brand.id === id),
    initialDataUpdatedAt: () => queryClient.getQueryState(keys.all)?.dataUpdatedAt,
  });
}

export function useCreateBrand() {
  const keys = useBrandKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyRequest) => unwrap(api.POST('/api/v1/companies', { body })),
    onSuccess: (brand) => {
      queryClient.setQueryData<Company[]>(keys.all, (list) => (list ? [...list, brand] : list));
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useUpdateBrand(id: string) {
  const keys = useBrandKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyRequest) => unwrap(api.PUT('/api/v1/companies/{id}', { params: { path: { id } }, body })),
    onSuccess: (brand) => {
      queryClient.setQueryData(keys.one(id), brand);
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useDeleteBrand() {
  const keys = useBrandKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/companies/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: keys.one(id) });
      queryClient.setQueryData<Company[]>(keys.all, (list) => list?.filter((brand) => brand.id !== id));
    },
  });
}
