import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { useSession } from '../auth/useSession';
import type { Platform } from '../calendar/limits';

export type QueueSlot = components['schemas']['QueueSlotDto'];
export type QueueSlotInput = components['schemas']['QueueSlotInput'];
export type Day = QueueSlotInput['day'];
export type QueueEntry = components['schemas']['QueueEntryDto'];

/** The queue belongs to a workspace and a brand ('' for posts without one). */
function useQueueKeys() {
  const tenantId = useSession()?.tenant.id;
  return {
    all: ['tenant', tenantId, 'queue'] as const,
    slots: (companyId: string) => ['tenant', tenantId, 'queue', 'slots', companyId] as const,
    entries: (companyId: string, platform: Platform) => ['tenant', tenantId, 'queue', 'entries', companyId, platform] as const,
  };
}

export function useQueueSlots(companyId: string) {
  const keys = useQueueKeys();
  return useQuery({
    queryKey: keys.slots(companyId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/queue/slots', { params: { query: { companyId: companyId || undefined } }, signal })),
  });
}

export function useReplaceQueueSlots() {
  const keys = useQueueKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, platform, slots }: { companyId: string; platform: Platform; slots: QueueSlotInput[] }) =>
      unwrap(api.PUT('/api/v1/queue/slots', { body: { companyId: companyId || null, platform, slots } })),
    onSuccess: (saved, { companyId }) => {
      queryClient.setQueryData(keys.slots(companyId), saved);
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useQueue(companyId: string, platform: Platform) {
  const keys = useQueueKeys();
  return useQuery({
    queryKey: keys.entries(companyId, platform),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/queue', { params: { query: { companyId: companyId || undefined, platform, count: 50 } }, signal })),
  });
}

export function useReorderQueue() {
  const keys = useQueueKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, platform, postIds }: { companyId: string; platform: Platform; postIds: string[] }) =>
      unwrap(api.POST('/api/v1/queue/reorder', { body: { companyId: companyId || null, platform, postIds } })),
    onSuccess: (queue, { companyId, platform }) => {
      queryClient.setQueryData(keys.entries(companyId, platform), queue);
      void queryClient.invalidateQueries({ queryKey: ['tenant'] });
    },
  });
}

export const days: { value: Day; label: string }[] = [
  { value: 'monday', label: 'Monday' },
  { value: 'tuesday', label: 'Tuesday' },
  { value: 'wednesday', label: 'Wednesday' },
  { value: 'thursday', label: 'Thursday' },
  { value: 'friday', label: 'Friday' },
  { value: 'saturday', label: 'Saturday' },
  { value: 'sunday', label: 'Sunday' },
];

/** `2027-03-28T09:00:00+02:00` as "Sun 28 Mar 2027, 09:00": the wall-clock time the server gives, not the browser's. */
export function formatLocal(local: string): string {
  const [date = '', rest = ''] = local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${weekday.replace(/,/g, '')}, ${rest.slice(0, 5)}`;
}
