import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { ComposerValues } from '../calendar/composer/schema';
import { platformLimits } from '../calendar/limits';
import { useBestTimes } from './api';
import { dayLabel, nextOccurrence } from './bestTimes';

interface SuggestedTimesProps {
  form: UseFormReturn<ComposerValues>;
  timeZone: string;
}

/**
 * The composer's suggested posting times for the post's brand and first network, learned from the workspace's own
 * results (with the usual good times where there are few); a click puts the next such time in "Publish at".
 */
export function SuggestedTimes({ form, timeZone }: SuggestedTimesProps) {
  const companyId = useWatch({ control: form.control, name: 'companyId' }) ?? '';
  const platforms = useWatch({ control: form.control, name: 'platforms' }) ?? [];
  const platform = platforms[0] ?? '';
  const best = useBestTimes(companyId, platform, platform !== '');
  if (!best.data || best.data.slots.length === 0) return null;
  const name = platformLimits[platform as keyof typeof platformLimits]?.name ?? 'this network';
  return (
    <div className="stack stack--sm" role="group" aria-labelledby="suggested-times-title">
      <p id="suggested-times-title" className="field__label">
        Suggested times on {name}
      </p>
      <div className="cluster">
        {best.data.slots.map((slot) => (
          <button
            key={`${slot.day}-${slot.time}`}
            type="button"
            className="btn btn--secondary btn--sm"
            onClick={() => form.setValue('at', nextOccurrence(slot.day, slot.time, timeZone), { shouldDirty: true })}
          >
            {dayLabel(slot.day)} {slot.time}
          </button>
        ))}
      </div>
      <p className="field__hint">{best.data.explanation}</p>
    </div>
  );
}
