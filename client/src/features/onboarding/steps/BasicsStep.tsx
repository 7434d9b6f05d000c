import { zodResolver } from '@hookform/resolvers/zod';
import { TextAreaField, TextField } from '../../../components/form/Fields';
import { basicsSchema, type BasicsValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';

const fields = ['name', 'industry', 'website', 'description'] as const;

export function BasicsStep({ initial, onSave, onLeave, onBack, readOnly }: StepProps<BasicsValues>) {
  const { form, submit } = useStepForm({
    resolver: zodResolver(basicsSchema),
    initial,
    onSave,
    onLeave,
    prefix: 'basics',
    fields: () => fields,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <StepFrame number={1} onSubmit={submit} submitting={isSubmitting} errors={errors} onBack={onBack} readOnly={readOnly}>
      <TextField label="Company name" autoComplete="organization" error={errors.name?.message} {...form.register('name')} />
      <div className="form__row">
        <TextField
          label="Industry"
          optional
          placeholder="e.g. Outdoor apparel"
          error={errors.industry?.message}
          {...form.register('industry')}
        />
        <TextField
          label="Website"
          optional
          type="url"
          inputMode="url"
          placeholder="https://"
          error={errors.website?.message}
          {...form.register('website')}
        />
      </div>
      <TextAreaField
        label="What you do"
        optional
        rows={4}
        hint="What the company sells and to whom, in a sentence or two."
        error={errors.description?.message}
        {...form.register('description')}
      />
    </StepFrame>
  );
}
