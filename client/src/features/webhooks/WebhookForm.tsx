import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { CheckboxGroup } from '../../components/form/CheckboxGroup';
import { useCreateWebhook, type WebhookEventType, type WebhookWithSecret } from './api';
import styles from './webhooks.module.css';

const schema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Give the address that receives the events.')
    .max(2000, 'Use at most 2,000 characters.')
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), {
      message: 'Give a full web address starting with https://, e.g. https://example.com/hooks.',
    }),
  description: z.string().trim().max(200, 'Use at most 200 characters.'),
  events: z.array(z.string()).min(1, 'Choose at least one event to send.'),
});

type Values = z.infer<typeof schema>;

const defaults: Values = { url: '', description: '', events: [] };

/** A new endpoint: its address, a note, and the events it receives, as checkboxes labelled in words. */
export function WebhookForm({
  eventTypes,
  onCreated,
}: {
  eventTypes: WebhookEventType[];
  onCreated: (created: WebhookWithSecret) => void;
}) {
  const create = useCreateWebhook();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({
        url: values.url.trim(),
        description: values.description.trim() || null,
        events: values.events,
      });
      form.reset(defaults);
      onCreated(created);
    } catch (error) {
      applyServerErrors(error, form.setError, ['url', 'description', 'events']);
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="new-webhook-title">
      <h3 id="new-webhook-title" className={styles.subheading}>
        New endpoint
      </h3>
      <FormError errors={errors} />
      <TextField
        label="Address"
        hint="Where we send the events, e.g. your Zapier, Make or n8n webhook address."
        placeholder="https://example.com/hooks"
        inputMode="url"
        autoComplete="off"
        error={errors.url?.message}
        {...form.register('url')}
      />
      <TextField
        label="Description"
        optional
        hint="Say what it is for, so you know what stops if you delete it."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <CheckboxGroup
        legend="Events to send"
        choices={eventTypes.map((event) => ({ value: event.type, label: event.label, description: event.description }))}
        registration={form.register('events')}
        error={errors.events?.message}
      />
      <div>
        <Button type="submit" variant="primary" icon="plus" loading={isSubmitting}>
          Add endpoint
        </Button>
      </div>
    </form>
  );
}
