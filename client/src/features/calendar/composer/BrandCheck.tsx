import { useWatch, type UseFormReturn } from 'react-hook-form';
import { BrandGuardPanel } from '../../brandGuard/BrandGuardPanel';
import { applyFix } from '../../brandGuard/api';
import { textFor, type ComposerValues } from './schema';

/** The brand check of the texts being written, one per chosen network; a fix is applied to the text it was found in. */
export function BrandCheck({ form }: { form: UseFormReturn<ComposerValues> }) {
  const values = useWatch({ control: form.control }) as ComposerValues;
  return (
    <BrandGuardPanel
      variants={(values.platforms ?? []).map((platform) => ({ platform, text: textFor(values, platform) ?? '' }))}
      companyId={values.companyId}
      onApplyFix={(platform, fix, excerpt) => {
        const path = values.sameForAll ? ('shared' as const) : (`texts.${platform}` as const);
        form.setValue(path, applyFix(form.getValues(path) ?? '', fix, excerpt), { shouldDirty: true });
      }}
    />
  );
}
