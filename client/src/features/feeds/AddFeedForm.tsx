import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextAreaField, TextField, FieldError } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useBrands } from '../brands/api';
import { platformLimits, type Platform } from '../calendar/limits';
import { useAddFeed } from './api';

const platforms = Object.keys(platformLimits) as Platform[];

const schema = z.object({
  name: z.string().trim().min(1, 'Give the feed a name.').max(120, 'Use at most 120 characters.'),
  url: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/\S+$/i.test(value), 'Enter the feed’s web address, starting with https:// or http://.'),
  companyId: z.string(),
  target: z.enum(['draft', 'queue']),
  platforms: z
    .array(z.enum(['linkedIn', 'instagram', 'facebook', 'x', 'googleBusiness', 'bluesky', 'threads']))
    .min(1, 'Choose at least one network.'),
  template: z
    .string()
    .max(2000, 'Use at most 2,000 characters.')
    .refine((value) => value.includes('{title}') || value.includes('{link}'), 'Use {title} or {link} in the template.'),
  intervalMinutes: z.enum(['15', '30', '60', '180', '720', '1440']),
});

type Values = z.infer<typeof schema>;

const defaults: Values = {
  name: '',
  url: '',
  companyId: '',
  target: 'draft',
  platforms: ['linkedIn'],
  template: '{title}\n\n{summary}\n\n{link}',
  intervalMinutes: '60',
};

const intervals = [
  { value: '15', label: 'Every 15 minutes' },
  { value: '30', label: 'Every 30 minutes' },
  { value: '60', label: 'Every hour' },
  { value: '180', label: 'Every 3 hours' },
  { value: '720', label: 'Twice a day' },
  { value: '1440', label: 'Once a day' },
] as const;

/** An admin adds a feed for a brand to watch: where its new items go and how their posts read. */
export function AddFeedForm({ onAdded }: { onAdded: (name: string) => void }) {
  const add = useAddFeed();
  const brands = useBrands();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const feed = await add.mutateAsync({
        name: values.name.trim(),
        url: values.url.trim(),
        companyId: values.companyId || null,
        target: values.target,
        platforms: values.platforms,
        template: values.template,
        intervalMinutes: Number(values.intervalMinutes),
      });
      form.reset(defaults);
      onAdded(feed.name);
    } catch (error) {
      applyServerErrors(error, form.setError, ['name', 'url', 'companyId', 'platforms', 'template', 'intervalMinutes']);
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="add-feed-title">
      <h3 id="add-feed-title" className="card__title">
        Watch a feed
      </h3>
      <FormError errors={errors} />
      <TextField label="Name" placeholder="e.g. Company blog" error={errors.name?.message} {...form.register('name')} />
      <TextField
        label="Feed address"
        type="url"
        inputMode="url"
        placeholder="https://example.com/feed.xml"
        hint="An RSS or Atom feed. The items already in it make no posts; each new one makes one."
        error={errors.url?.message}
        {...form.register('url')}
      />
      <SelectField label="Brand" {...form.register('companyId')}>
        <option value="">No brand</option>
        {(brands.data ?? []).map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="New items become" {...form.register('target')}>
        <option value="draft">Drafts to look over</option>
        <option value="queue">Posts in the brand’s queue</option>
      </SelectField>
      <fieldset aria-describedby={errors.platforms ? 'feed-networks-error' : undefined}>
        <legend className="field__label">Networks</legend>
        <div className="cluster">
          {platforms.map((platform) => (
            <label key={platform} className="cluster small">
              <input type="checkbox" value={platform} {...form.register('platforms')} />
              {platformLimits[platform].name}
            </label>
          ))}
        </div>
        {errors.platforms && <FieldError id="feed-networks-error" message={errors.platforms.message} />}
      </fieldset>
      <TextAreaField
        label="Post text"
        rows={4}
        hint="{title}, {summary} and {link} become the item’s. A text over a network’s limit loses some of its summary."
        error={errors.template?.message}
        {...form.register('template')}
      />
      <SelectField label="Check it" {...form.register('intervalMinutes')}>
        {intervals.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" variant="primary" icon="plus" loading={isSubmitting}>
          Watch feed
        </Button>
      </div>
    </form>
  );
}
