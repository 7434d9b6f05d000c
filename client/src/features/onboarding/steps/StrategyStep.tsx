import type { ReactNode } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, type Path } from 'react-hook-form';
import { Button } from '../../../components/Button';
import { TextAreaField, TextField } from '../../../components/form/Fields';
import { maxValues, strategySchema, type StrategyValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';
import styles from '../onboarding.module.css';

function fieldsOf(values: StrategyValues): Path<StrategyValues>[] {
  return [
    'vision',
    'mission',
    'positioningStatement',
    'values',
    ...values.values.flatMap((_, i) => [`values.${i}.name`, `values.${i}.description`] as const),
  ];
}

interface StrategyStepProps extends StepProps<StrategyValues> {
  /**
   * The slot for the "AI draft" button (POST /api/v1/ai/generate-brand-strategy, the AI issue): it fills vision,
   * mission, values and positioning for the user to edit. Empty while the endpoint does not exist (see
   * `strategyDraftAvailable` in ../steps.ts), so no button is shown that could not work.
   */
  aiDraft?: ReactNode;
}

export function StrategyStep({ initial, onSave, onLeave, onBack, readOnly, aiDraft }: StrategyStepProps) {
  const { form, submit } = useStepForm({
    resolver: zodResolver(strategySchema),
    initial,
    onSave,
    onLeave,
    prefix: 'strategy',
    fields: fieldsOf,
  });
  const values = useFieldArray({ control: form.control, name: 'values' });
  const { errors, isSubmitting } = form.formState;
  const listError = errors.values?.root?.message ?? errors.values?.message;

  return (
    <StepFrame
      number={4}
      onSubmit={submit}
      submitting={isSubmitting}
      errors={errors}
      onBack={onBack}
      readOnly={readOnly}
      aside={aiDraft}
    >
      <TextAreaField
        label="Vision"
        rows={3}
        hint="The world you are working towards."
        error={errors.vision?.message}
        {...form.register('vision')}
      />
      <TextAreaField
        label="Mission"
        rows={3}
        hint="What you do, every day, to get there."
        error={errors.mission?.message}
        {...form.register('mission')}
      />

      <fieldset className={styles.valueList} aria-describedby={listError ? 'values-error' : undefined}>
        <legend className="field__label">Values</legend>
        <p className="field__hint">What you stand for, each with what it means in practice. Up to {maxValues}.</p>
        {listError && (
          <p className="field__error" id="values-error" role="alert">
            {listError}
          </p>
        )}
        <ol className={styles.values}>
          {values.fields.map((field, index) => (
            <li key={field.id} className={styles.value}>
              <div className={styles.valueHead}>
                <span className={styles.valueNumber}>Value {index + 1}</span>
                {!readOnly && values.fields.length > 1 && (
                  <Button
                    variant="danger-ghost"
                    size="sm"
                    icon="trash"
                    onClick={() => values.remove(index)}
                    aria-label={`Remove value ${index + 1}`}
                  >
                    Remove
                  </Button>
                )}
              </div>
              <TextField
                label={`Name of value ${index + 1}`}
                placeholder="e.g. Built to last"
                error={errors.values?.[index]?.name?.message}
                {...form.register(`values.${index}.name`)}
              />
              <TextAreaField
                label={`What value ${index + 1} means in practice`}
                rows={2}
                error={errors.values?.[index]?.description?.message}
                {...form.register(`values.${index}.description`)}
              />
            </li>
          ))}
        </ol>
        {!readOnly && values.fields.length < maxValues && (
          <div>
            <Button icon="plus" size="sm" onClick={() => values.append({ name: '', description: '' })}>
              Add a value
            </Button>
          </div>
        )}
      </fieldset>

      <TextAreaField
        label="Positioning statement"
        rows={3}
        hint="For [audience] who [need], [brand] is the [category] that [benefit], unlike [alternative]."
        error={errors.positioningStatement?.message}
        {...form.register('positioningStatement')}
      />
    </StepFrame>
  );
}
