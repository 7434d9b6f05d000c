import { zodResolver } from '@hookform/resolvers/zod';
import { TextAreaField } from '../../../components/form/Fields';
import { voiceSchema, type VoiceValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';

const fields = ['brandVoice'] as const;

export function VoiceStep({ initial, onSave, onLeave, onBack, readOnly }: StepProps<VoiceValues>) {
  const { form, submit } = useStepForm({
    resolver: zodResolver(voiceSchema),
    initial,
    onSave,
    onLeave,
    prefix: 'voice',
    fields: () => fields,
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <StepFrame number={3} onSubmit={submit} submitting={isSubmitting} errors={errors} onBack={onBack} readOnly={readOnly}>
      <TextAreaField
        label="Brand voice"
        rows={6}
        hint="A few words on tone (warm, direct, playful…), what you always say and what you never say."
        error={errors.brandVoice?.message}
        {...form.register('brandVoice')}
      />
    </StepFrame>
  );
}
