import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { FirstComments } from './FirstComments';
import { PinterestOptions } from './PinterestOptions';
import type { ComposerValues } from './schema';
import { ThreadEditor } from './ThreadEditor';
import { TikTokOptions } from './TikTokOptions';
import { YouTubeOptions } from './YouTubeOptions';

/** The settings only some of the chosen networks have, one group per network, after the text and media they go with; then the X thread and first comments. */
export function NetworkOptions({ form, timeZone }: { form: UseFormReturn<ComposerValues>; timeZone: string }) {
  const chosen = useWatch({ control: form.control, name: 'platforms' }) ?? [];
  return (
    <>
      {chosen.includes('pinterest') && <PinterestOptions form={form} />}
      {chosen.includes('youTube') && <YouTubeOptions form={form} timeZone={timeZone} />}
      {chosen.includes('tikTok') && <TikTokOptions form={form} />}
      <ThreadEditor form={form} />
      <FirstComments form={form} />
    </>
  );
}
