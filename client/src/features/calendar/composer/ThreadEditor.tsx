import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/form/Fields';
import { countText, platformLimits } from '../limits';
import styles from '../calendar.module.css';
import { splitIntoThread, threadMaxParts } from './followUps';
import { LimitCounter } from './LimitCounter';
import { textFor, type ComposerValues } from './schema';

/**
 * The X post as a thread: its text is the first part, the parts here follow it, each a reply to the one before and each
 * within X's limit. "Split into a thread" cuts a long X text at sentence boundaries; every part stays editable.
 */
export function ThreadEditor({ form }: { form: UseFormReturn<ComposerValues> }) {
  const chosen = useWatch({ control: form.control, name: 'platforms' }) ?? [];
  const parts = useWatch({ control: form.control, name: 'followUps.thread' }) ?? [];
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: 'followUps.thread' });
  const [sameForAll, shared, xText] = useWatch({ control: form.control, name: ['sameForAll', 'shared', 'texts.x'] });
  const errors = form.formState.errors.followUps?.thread;
  if (!chosen.includes('x')) return null;
  const max = platformLimits.x.maxLength;

  function split() {
    const values = form.getValues();
    const pieces = splitIntoThread(textFor(values, 'x'));
    if (pieces.length < 2) return;
    if (values.sameForAll) {
      // The other networks keep the whole text; only X's becomes the thread's first part.
      for (const platform of values.platforms) form.setValue(`texts.${platform}`, values.shared);
      form.setValue('sameForAll', false);
    }
    form.setValue('texts.x', pieces[0]!, { shouldDirty: true });
    replace([...pieces.slice(1).map((text) => ({ text })), ...values.followUps.thread]);
  }

  const canSplit = countText('x', (sameForAll ? shared : xText) ?? '') > max;
  return (
    <fieldset className={styles.networkOptions}>
      <legend className="field__label">X thread</legend>
      <p className="field__hint">
        {fields.length === 0
          ? 'A post on X can go on in replies: split a long text into a thread, or add parts by hand.'
          : `The X text is part 1; ${fields.length === 1 ? 'this part follows it' : `these ${fields.length} parts follow it`}, each a reply to the one before.`}
      </p>
      {fields.map((field, index) => (
        <div key={field.id} className="stack stack--sm">
          <TextAreaField
            label={`Part ${index + 2} of the thread`}
            rows={3}
            error={errors?.[index]?.text?.message}
            {...form.register(`followUps.thread.${index}.text`)}
          />
          <div className="cluster">
            <LimitCounter
              label={`Part ${index + 2}`}
              length={countText('x', parts[index]?.text ?? '')}
              max={max}
              testId={`counter-thread-${index + 2}`}
            />
            <Button
              size="sm"
              variant="danger-ghost"
              icon="trash"
              onClick={() => remove(index)}
              aria-label={`Remove part ${index + 2}`}
            >
              Remove
            </Button>
          </div>
        </div>
      ))}
      {errors?.message && <p className="field__error">{errors.message}</p>}
      <div className="cluster">
        <Button size="sm" onClick={split} disabled={!canSplit}>
          Split into a thread
        </Button>
        <Button size="sm" icon="plus" onClick={() => append({ text: '' })} disabled={fields.length + 1 >= threadMaxParts}>
          Add a part
        </Button>
      </div>
    </fieldset>
  );
}
