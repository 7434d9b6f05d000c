import { zodResolver } from '@hookform/resolvers/zod';
import { CompanyBasicsFields, companyBasicsFields } from '../../brands/CompanyBasicsFields';
import { basicsSchema, type BasicsValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';

export function BasicsStep({ initial, onSave, onLeave, onBack, readOnly }: StepProps<BasicsValues>) {
  const { form, submit } = useStepForm({
    resolver: zodResolver(basicsSchema),
    initial,
    onSave,
    onLeave,
    prefix: 'basics',
    fields: () => companyBasicsFields,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <StepFrame number={1} onSubmit={submit} submitting={isSubmitting} errors={errors} onBack={onBack} readOnly={readOnly}>
      <CompanyBasicsFields
        register={form.register}
        errors={errors}
        nameLabel="Company name"
        descriptionLabel="What you do"
        descriptionHint="What the company sells and to whom, in a sentence or two."
      />
    </StepFrame>
  );
}
