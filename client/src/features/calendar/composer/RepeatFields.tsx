import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { SelectField, TextField, FieldError } from '../../../components/form/Fields';
import type { ComposerValues } from './schema';
import { nthWeekdayLabel, weekdayNames, weekdayOf, weekdays } from './repeat';
import styles from '../calendar.module.css';

/**
 * "Repeat this post": weekly on chosen days or monthly (on the first post's day of the month, or its weekday), every
 * so many weeks or months, for a number of posts or until a day. Each post of the series is a post of its own.
 */
export function RepeatFields({ form, timeZone }: { form: UseFormReturn<ComposerValues>; timeZone: string }) {
  const repeat = useWatch({ control: form.control, name: 'repeat' });
  const at = useWatch({ control: form.control, name: 'at' });
  const errors = form.formState.errors.repeat;
  const dayOfMonth = at ? Number(at.slice(8, 10)) : null;

  return (
    <fieldset className="stack stack--sm">
      <legend className="field__label">Repeat</legend>
      <label className={styles.checkboxRow}>
        <input
          type="checkbox"
          {...form.register('repeat.on', {
            // The first post's weekday is the likely one: chosen for a start.
            onChange: (event: { target: { checked: boolean } }) => {
              if (event.target.checked && at && form.getValues('repeat.weekdays').length === 0)
                form.setValue('repeat.weekdays', [weekdayOf(at)]);
            },
          })}
        />
        <span>Repeat this post</span>
      </label>
      {repeat?.on && (
        <>
          <div className={styles.repeatRow}>
            <SelectField label="How often" {...form.register('repeat.frequency')}>
              <option value="weekly">Every week</option>
              <option value="monthly">Every month</option>
            </SelectField>
            <TextField
              label={repeat.frequency === 'weekly' ? 'Every how many weeks' : 'Every how many months'}
              inputMode="numeric"
              error={errors?.interval?.message}
              {...form.register('repeat.interval')}
            />
          </div>
          {repeat.frequency === 'weekly' ? (
            <fieldset aria-describedby={errors?.weekdays ? 'repeat-days-error' : undefined}>
              <legend className="field__label">On</legend>
              <div className="cluster">
                {weekdays.map((day) => (
                  <label key={day} className={styles.checkboxRow}>
                    <input type="checkbox" value={day} {...form.register('repeat.weekdays')} />
                    <span>{weekdayNames[day]}</span>
                  </label>
                ))}
              </div>
              {errors?.weekdays && <FieldError id="repeat-days-error" message={errors.weekdays.message} />}
            </fieldset>
          ) : (
            <SelectField label="On" {...form.register('repeat.monthly')}>
              <option value="day">
                {dayOfMonth ? `On day ${dayOfMonth} of the month` : 'On the first post’s day of the month'}
              </option>
              <option value="weekday">{at ? nthWeekdayLabel(at) : 'On the first post’s weekday'}</option>
              <option value="lastWeekday">
                {at ? `On the last ${nthWeekdayLabel(at).split(' ').pop()}` : 'On the last such weekday'}
              </option>
            </SelectField>
          )}
          <div className={styles.repeatRow}>
            <SelectField label="Ends" {...form.register('repeat.ends')}>
              <option value="count">After a number of posts</option>
              <option value="until">On a day</option>
            </SelectField>
            {repeat.ends === 'count' ? (
              <TextField
                label="Number of posts"
                inputMode="numeric"
                error={errors?.count?.message}
                {...form.register('repeat.count')}
              />
            ) : (
              <TextField label="Last day" type="date" error={errors?.until?.message} {...form.register('repeat.until')} />
            )}
          </div>
          <p className="small muted">
            Every post keeps the first one’s time of day in {timeZone}, also when the clocks change. Each is a post of its own:
            you can skip or change one without touching the others.
          </p>
        </>
      )}
    </fieldset>
  );
}
