import { useEffect } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isApiError } from '../../../api';
import { TextField } from '../../../components/form/Fields';
import { usePostLinks, useUpdatePostLinks } from '../linksApi';
import styles from './snippets.module.css';

export const linkTrackingSchema = z.object({
  shortenLinks: z.boolean(),
  campaign: z
    .string()
    .trim()
    .max(60, 'Use at most 60 characters.')
    .refine((value) => !value || /[\p{L}\p{N}]/u.test(value), 'A campaign name needs letters or digits.'),
});

export type LinkTrackingValues = z.infer<typeof linkTrackingSchema>;

/**
 * The composer's "Shorten links" switch: its own small form beside the post's, saved on the post after the post is
 * saved. When on, each network's links are shortened as the post is published, with that network's UTM parameters.
 */
export function useLinkTracking(itemId: string | undefined) {
  const existing = usePostLinks(itemId);
  const update = useUpdatePostLinks();
  const form = useForm<LinkTrackingValues>({
    resolver: zodResolver(linkTrackingSchema),
    defaultValues: { shortenLinks: false, campaign: '' },
  });
  const loaded = existing.data;
  useEffect(() => {
    if (loaded) form.reset({ shortenLinks: loaded.shortenLinks, campaign: loaded.campaign ?? '' });
  }, [loaded, form]);

  /** Saves the switch on the post; false (with the message on the field) when it was refused. */
  const save = async (postId: string): Promise<boolean> => {
    if (!(await form.trigger())) return false;
    const values = form.getValues();
    if (!values.shortenLinks && !loaded?.shortenLinks) return true;
    try {
      await update.mutateAsync({ id: postId, shortenLinks: values.shortenLinks, campaign: values.campaign.trim() || null });
      return true;
    } catch (error) {
      const message = isApiError(error) ? (error.fieldErrors.campaign?.join(' ') ?? error.userMessage) : 'It could not be saved.';
      form.setError('campaign', { type: 'server', message }, { shouldFocus: true });
      return false;
    }
  };

  return { field: <LinkTrackingFields form={form} defaultCampaign={loaded?.defaultCampaign} />, save };
}

function LinkTrackingFields({ form, defaultCampaign }: { form: UseFormReturn<LinkTrackingValues>; defaultCampaign?: string }) {
  const on = useWatch({ control: form.control, name: 'shortenLinks' });
  const { errors } = form.formState;
  return (
    <div className={styles.linkRow}>
      <label className="cluster">
        <input type="checkbox" role="switch" {...form.register('shortenLinks')} />
        <span>Shorten links</span>
      </label>
      <p className="field__hint">
        Links are shortened when the post is published, each network with its own tracking, and clicks are counted. Your text
        keeps the links as written.
      </p>
      {on && (
        <TextField
          label="Campaign"
          optional
          hint={`Sent as utm_campaign; ${defaultCampaign ? `“${defaultCampaign}”` : 'the brand’s name'} when empty.`}
          error={errors.campaign?.message}
          {...form.register('campaign')}
        />
      )}
    </div>
  );
}
