import { zodResolver } from '@hookform/resolvers/zod';
import { TextAreaField } from '../../../components/form/Fields';
import { audienceSchema, type AudienceValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';

const fields = ['targetAudience', 'coreProblem'] as const;

export function AudienceStep({ initial, onSave, onLeave, onBack, readOnly }: StepProps<AudienceValues>) {
  const { form, submit } = useStepForm({
    resolver: zodResolver(audienceSchema),
    initial,
    onSave,
    onLeave,
    prefix: 'audience',
    fields: () => fields,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <StepFrame number={2} onSubmit={submit} submitting={isSubmitting} errors={errors} onBack={onBack} readOnly={readOnly}>
      <TextAreaField
        label="Target audience"
        rows={4}
        hint="Who buys from you: their role, situation and what they care about."
        error={errors.targetAudience?.message}
        {...form.register('targetAudience')}
      />
      <TextAreaField
        label="Core problem you solve"
        rows={4}
        hint="The pain or need that brings them to you."
        error={errors.coreProblem?.message}
        {...form.register('coreProblem')}
      />
    </StepFrame>
  );
}
