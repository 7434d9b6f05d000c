import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../components/Button';
import { FormError } from '../../../components/form/FormError';
import { TextAreaField, TextField } from '../../../components/form/Fields';
import { applyServerErrors } from '../../../components/form/serverErrors';
import { useToast } from '../../../components/Toaster';
import { timeOf } from '../dates';
import type { ContentItem } from '../types';
import { useContinueSeries } from './api';

const schema = z.object({
  title: z.string().trim().min(1, 'Give the post a title.').max(200, 'Use at most 200 characters.'),
  text: z.string().trim().min(1, 'Write the text.'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'Choose the time of day.'),
});

type Values = z.infer<typeof schema>;

/** New title, text (for every network of the series) and time of day, from this post of the series on. */
export function ContinueSeriesForm({
  item,
  seriesId,
  index,
  onDone,
}: {
  item: ContentItem;
  seriesId: string;
  index: number;
  onDone: () => void;
}) {
  const change = useContinueSeries();
  const toast = useToast();
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      title: item.title,
      text: item.variants[0]?.text ?? '',
      time: item.scheduledLocal ? timeOf(item.scheduledLocal) : '09:00',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync({
        id: seriesId,
        index,
        body: {
          title: values.title.trim(),
          time: values.time,
          variants: item.variants.map((variant) => ({
            platform: variant.platform,
            text: values.text.trim(),
            mediaAssetIds: variant.mediaAssetIds,
          })),
        },
      });
      toast.success('This and the following posts of the series are changed.');
      onDone();
    } catch (error) {
      applyServerErrors(error, form.setError, ['title', 'time']);
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-label="Change this and the following posts">
      <FormError errors={errors} />
      <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
      <TextAreaField label="Text for every network" rows={4} error={errors.text?.message} {...form.register('text')} />
      <TextField label="Time of day" type="time" error={errors.time?.message} {...form.register('time')} />
      <div>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Change from this post on
        </Button>
      </div>
    </form>
  );
}
