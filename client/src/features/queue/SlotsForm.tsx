import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { platformLimits, type Platform } from '../calendar/limits';
import { days, useReplaceQueueSlots, type Day, type QueueSlot } from './api';

const schema = z.object({
  slots: z
    .array(
      z.object({
        day: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Choose a time such as 09:00.'),
      }),
    )
    .max(70, 'At most 70 posting times a week per network.'),
});

type SlotsValues = z.infer<typeof schema>;

interface SlotsFormProps {
  companyId: string;
  platform: Platform;
  slots: QueueSlot[];
  timeZone: string;
}

/** The weekly posting times of one brand on one network: a day and a wall-clock time each, saved together. */
export function SlotsForm({ companyId, platform, slots, timeZone }: SlotsFormProps) {
  const form = useForm<SlotsValues>({
    resolver: zodResolver(schema),
    defaultValues: { slots: slots.map((slot) => ({ day: slot.day as Day, time: slot.time })) },
  });
  const rows = useFieldArray({ control: form.control, name: 'slots' });
  const replace = useReplaceQueueSlots();
  const toast = useToast();
  const name = platformLimits[platform].name;
  const { errors, isSubmitting } = form.formState;

  const save = form.handleSubmit(async (values) => {
    try {
      await replace.mutateAsync({ companyId, platform, slots: values.slots });
      toast.success(`The posting times for ${name} are saved.`);
    } catch (error) {
      applyServerErrors(error, form.setError, []);
    }
  });

  return (
    <form className="form stack" onSubmit={(event) => void save(event)} noValidate aria-label={`Posting times for ${name}`}>
      <FormError errors={errors} />
      {rows.fields.length === 0 && <p className="muted">No posting times for {name} yet.</p>}
      <ul className="stack stack--sm" aria-label={`Posting times for ${name}`}>
        {rows.fields.map((field, index) => (
          <li key={field.id} className="cluster">
            <SelectField
              label={`Day ${index + 1}`}
              error={errors.slots?.[index]?.day?.message}
              {...form.register(`slots.${index}.day`)}
            >
              {days.map((day) => (
                <option key={day.value} value={day.value}>
                  {day.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={`Time ${index + 1} (${timeZone})`}
              type="time"
              error={errors.slots?.[index]?.time?.message}
              {...form.register(`slots.${index}.time`)}
            />
            <Button icon="trash" onClick={() => rows.remove(index)} aria-label={`Remove time ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <Button icon="plus" onClick={() => rows.append({ day: 'monday', time: '09:00' })}>
          Add a time
        </Button>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Save times for {name}
        </Button>
      </div>
    </form>
  );
}
