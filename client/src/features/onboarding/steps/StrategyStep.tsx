import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, type Path } from 'react-hook-form';
import { api, errorMessage, unwrap, type BrandStrategy } from '../../../api';
import { Button } from '../../../components/Button';
import { TextAreaField, TextField } from '../../../components/form/Fields';
import { maxValues, strategySchema, type StrategyValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';
import { StrategyResultsPanel } from './StrategyResultsPanel';
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
  /** The onboarding company: with it, editors get an "AI draft" that fills this step for them to edit. */
  companyId?: string | null;
  /** Whether the files step is done: the AI draft reads the uploaded brand guide, so it says when there is none yet. */
  filesDone?: boolean;
  /** Opens the files step. */
  onFiles?: () => void;
}

export function StrategyStep({
  initial,
  onSave,
  onLeave,
  onBack,
  readOnly,
  companyId,
  filesDone = true,
  onFiles,
}: StrategyStepProps) {
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
  const [drafting, setDrafting] = useState(false);
  const [draftNote, setDraftNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  // The last draft, for what it says about the brand's post results (the form keeps only the profile's fields).
  const [draft, setDraft] = useState<BrandStrategy | null>(null);

  // POST /api/v1/ai/generate-brand-strategy: the draft fills the fields and nothing is saved until the user saves.
  async function draftWithAi() {
    if (!companyId) return;
    setDrafting(true);
    setDraftNote(null);
    setDraft(null);
    try {
      const version = await unwrap(api.POST('/api/v1/ai/generate-brand-strategy', { body: { companyId } }));
      const strategy = version.strategy;
      const drafted: StrategyValues = {
        vision: strategy.vision,
        mission: strategy.mission,
        positioningStatement: strategy.positioningStatement,
        values: strategy.values.slice(0, maxValues).map((value) => ({ name: value.name, description: value.description })),
      };
      form.reset(drafted, { keepDefaultValues: true });
      setDraft(strategy);
      const from = strategy.results ? 'your profile, files and post results' : 'your profile and files';
      setDraftNote({
        tone: 'info',
        text: version.offline
          ? `Drafted offline from ${from}. Edit it, then save.`
          : `Drafted by the AI strategist from ${from}. Edit it, then save.`,
      });
    } catch (error) {
      setDraftNote({ tone: 'error', text: errorMessage(error) });
    } finally {
      setDrafting(false);
    }
  }

  const aiDraft =
    companyId && !readOnly ? (
      <div className={styles.aiDraft}>
        <Button type="button" variant="secondary" onClick={draftWithAi} disabled={drafting}>
          {drafting ? 'Drafting…' : 'AI draft'}
        </Button>
        {!filesDone && onFiles && (
          <p className="field__hint">
            The AI draft takes your values, tone and colours from your brand guide.{' '}
            <Button type="button" variant="ghost" size="sm" onClick={onFiles}>
              Upload your files first
            </Button>
          </p>
        )}
        {draftNote && (
          <p
            className={draftNote.tone === 'error' ? 'field__error' : 'field__hint'}
            role={draftNote.tone === 'error' ? 'alert' : 'status'}
          >
            {draftNote.text}
          </p>
        )}
        {draft && <StrategyResultsPanel strategy={draft} />}
      </div>
    ) : undefined;

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
