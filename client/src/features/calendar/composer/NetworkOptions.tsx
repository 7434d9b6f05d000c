import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { PinterestOptions } from './PinterestOptions';
import type { ComposerValues } from './schema';

/** The settings only some of the chosen networks have, one group per network, after the text and media they go with. */
export function NetworkOptions({ form }: { form: UseFormReturn<ComposerValues> }) {
  const chosen = useWatch({ control: form.control, name: 'platforms' }) ?? [];
  return <>{chosen.includes('pinterest') && <PinterestOptions form={form} />}</>;
}
