import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { CheckboxGroup } from '../../components/form/CheckboxGroup';
import { useCreateApiKey, type CreatedApiKey } from './api';
import { expiryChoices, scopes } from './scopes';
import styles from './apiKeys.module.css';

const schema = z.object({
  name: z.string().trim().min(1, 'Give the key a name, e.g. the tool that will use it.').max(80, 'Use at most 80 characters.'),
  scopes: z
    .array(z.enum(['contentRead', 'contentWrite', 'publish', 'assets', 'analytics', 'ai']))
    .min(1, 'Choose at least one thing the key may do.'),
  expiry: z.enum(['30', '90', '365', 'never']),
  requestsPerMinute: z
    .string()
    .trim()
    .refine((value) => value === '' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10000), {
      message: 'Enter a whole number from 1 to 10,000, or leave it empty.',
    }),
});

type Values = z.infer<typeof schema>;

/** The moment a key made now stops working, or null for never (read when the form is sent, not while it renders). */
function expiryAfter(days: number | null): string | null {
  return days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString();
}

const defaults: Values = { name: '', scopes: ['contentRead'], expiry: '90', requestsPerMinute: '' };

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const days = values.expiry === 'never' ? null : Number(values.expiry);
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        scopes: values.scopes,
        expiresAt: expiryAfter(days),
        requestsPerMinute: values.requestsPerMinute === '' ? null : Number(values.requestsPerMinute),
      });
      form.reset(defaults);
      onCreated(created);
    } catch (error) {
      applyServerErrors(error, form.setError, ['name', 'scopes', 'requestsPerMinute']);
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="new-key-title">
      <h3 id="new-key-title" className={styles.subheading}>
        New key
      </h3>
      <FormError errors={errors} />
      <TextField
        label="Name"
        hint="Say where it is used, so you know what stops working if you revoke it."
        placeholder="e.g. n8n publishing flow"
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <CheckboxGroup
        legend="What the key may do"
        choices={scopes}
        registration={form.register('scopes')}
        error={errors.scopes?.message}
      />
      <div className={styles.row}>
        <SelectField label="Expires" error={errors.expiry?.message} {...form.register('expiry')}>
          {expiryChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Requests a minute"
          optional
          inputMode="numeric"
          hint="Empty for the standard limit."
          error={errors.requestsPerMinute?.message}
          {...form.register('requestsPerMinute')}
        />
      </div>
      <div>
        <Button type="submit" variant="primary" icon="plus" loading={isSubmitting}>
          Create key
        </Button>
      </div>
    </form>
  );
}
