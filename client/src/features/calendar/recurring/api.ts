import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api';
import type { components } from '../../../api/schema.gen';
import { useContentKeys } from '../api';

export type RecurringSeries = components['schemas']['RecurringSeriesDto'];
export type RecurringRequest = components['schemas']['RecurringPostRequest'];
export type ContinueRequest = components['schemas']['ContinueSeriesRequest'];

/** Each of these changes several posts at once: the calendar reads them again. */
function useSeriesMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const keys = useContentKeys();
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export function useCreateRecurring() {
  return useSeriesMutation((body: RecurringRequest) => unwrap(api.POST('/api/v1/recurring', { body })));
}

export function useSkipOccurrence() {
  return useSeriesMutation((id: string) => unwrap(api.POST('/api/v1/content/{id}/skip', { params: { path: { id } } })));
}

export function useContinueSeries() {
  return useSeriesMutation(({ id, index, body }: { id: string; index: number; body: ContinueRequest }) =>
    unwrap(api.PUT('/api/v1/recurring/{id}/from/{index}', { params: { path: { id, index: String(index) } }, body })),
  );
}
