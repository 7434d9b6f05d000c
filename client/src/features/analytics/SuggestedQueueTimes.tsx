import { errorMessage } from '../../api';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import { platformLimits, type Platform } from '../calendar/limits';
import { useReplaceQueueSlots, type Day, type QueueSlot } from '../queue/api';
import { useBestTimes } from './api';
import { dayLabel } from './bestTimes';

interface SuggestedQueueTimesProps {
  companyId: string;
  platform: Platform;
  slots: QueueSlot[];
}

/** Settings → Queue: the best times learned from results, and one click to add the missing ones to the posting times. */
export function SuggestedQueueTimes({ companyId, platform, slots }: SuggestedQueueTimesProps) {
  const best = useBestTimes(companyId, platform);
  const replace = useReplaceQueueSlots();
  const toast = useToast();
  if (!best.data || best.data.slots.length === 0) return null;
  const missing = best.data.slots.filter((s) => !slots.some((slot) => slot.day === s.day && slot.time === s.time));
  const name = platformLimits[platform].name;

  const add = () =>
    replace.mutate(
      {
        companyId,
        platform,
        slots: [
          ...slots.map((slot) => ({ day: slot.day as Day, time: slot.time })),
          ...missing.map((s) => ({ day: s.day as Day, time: s.time })),
        ],
      },
      {
        onSuccess: () => toast.success(`The suggested times are added to the posting times for ${name}.`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <div className="stack stack--sm" role="group" aria-labelledby="queue-suggested-title">
      <p id="queue-suggested-title" className="field__label">
        Suggested times on {name}: {best.data.slots.map((s) => `${dayLabel(s.day)} ${s.time}`).join(', ')}
      </p>
      <p className="field__hint">{best.data.explanation}</p>
      {missing.length > 0 ? (
        <div>
          <Button variant="secondary" size="sm" loading={replace.isPending} onClick={add}>
            Add the suggested times
          </Button>
        </div>
      ) : (
        <p className="muted">All suggested times are among the posting times.</p>
      )}
    </div>
  );
}
