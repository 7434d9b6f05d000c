import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useBrands } from '../brands/api';
import { useContent } from '../calendar/api';
import { addDays, dayOf, formatShortDay, isDay } from '../calendar/dates';
import { useCreateReviewLink, type CreatedReviewLink } from './api';
import styles from './review.module.css';

const schema = z
  .object({
    name: z.string().trim().min(1, 'Give the link a name, e.g. “March posts for Acme”.').max(120, 'Use at most 120 characters.'),
    from: z.string().refine(isDay, 'Choose the first day.'),
    to: z.string().refine(isDay, 'Choose the last day.'),
    companyId: z.string(),
    expiresInDays: z.enum(['3', '7', '14', '30', '60']),
    choose: z.boolean(),
    postIds: z.array(z.string()),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'The last day comes before the first.' })
  .refine((v) => !v.choose || v.postIds.length > 0, { path: ['postIds'], message: 'Tick at least one post.' });

type Values = z.infer<typeof schema>;

const lifetimes = [
  { value: '3', label: '3 days' },
  { value: '7', label: 'A week' },
  { value: '14', label: 'Two weeks' },
  { value: '30', label: 'A month' },
  { value: '60', label: 'Two months' },
] as const;

const unshareable = new Set(['published', 'publishing', 'cancelled']);

/** An admin shares the posts of some days (optionally of one brand, optionally only some of them) with a client. */
export function ShareForReviewForm({ today, onCreated }: { today: string; onCreated: (created: CreatedReviewLink) => void }) {
  const create = useCreateReviewLink();
  const brands = useBrands();
  const defaults: Values = {
    name: '',
    from: today,
    to: addDays(today, 13),
    companyId: '',
    expiresInDays: '14',
    choose: false,
    postIds: [],
  };
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const [from, to, companyId, choose] = useWatch({ control: form.control, name: ['from', 'to', 'companyId', 'choose'] });
  const range = isDay(from) && isDay(to) && to >= from;
  const posts = useContent(range ? { from, to: addDays(to, 1) } : { from: today, to: today });
  const candidates = (posts.data?.items ?? []).filter(
    (item) => !unshareable.has(item.state) && (!companyId || item.companyId === companyId),
  );

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        from: values.from,
        to: values.to,
        companyId: values.companyId || null,
        postIds: values.choose ? values.postIds : null,
        expiresInDays: Number(values.expiresInDays),
      });
      form.reset(defaults);
      onCreated(created);
    } catch (error) {
      applyServerErrors(error, form.setError, ['name', 'from', 'to', 'companyId', 'postIds', 'expiresInDays']);
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="share-title">
      <h3 id="share-title" className="card__title">
        Share posts with a client
      </h3>
      <FormError errors={errors} />
      <TextField
        label="Name"
        hint="The client sees it as the page’s title."
        error={errors.name?.message}
        {...form.register('name')}
      />
      <div className={styles.row}>
        <TextField type="date" label="First day" error={errors.from?.message} {...form.register('from')} />
        <TextField type="date" label="Last day" error={errors.to?.message} {...form.register('to')} />
      </div>
      <div className={styles.row}>
        <SelectField label="Brand" error={errors.companyId?.message} {...form.register('companyId')}>
          <option value="">Every brand</option>
          {(brands.data ?? []).map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Link works for" error={errors.expiresInDays?.message} {...form.register('expiresInDays')}>
          {lifetimes.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="small muted">
        {range
          ? `${candidates.length === 1 ? 'One post is' : `${candidates.length} posts are`} planned in these days; published and cancelled posts are not shared.`
          : 'Choose the days to see their posts.'}
      </p>
      <label className="cluster small">
        <input type="checkbox" {...form.register('choose')} />
        Share only some of these posts
      </label>
      {choose && (
        <fieldset className="stack stack--sm" aria-describedby={errors.postIds ? 'share-posts-error' : undefined}>
          <legend className="field__label">Posts to share</legend>
          {candidates.map((item) => (
            <label key={item.id} className="cluster small">
              <input type="checkbox" value={item.id} {...form.register('postIds')} />
              {item.title}
              {item.scheduledLocal && <span className="muted">{formatShortDay(dayOf(item.scheduledLocal))}</span>}
            </label>
          ))}
          {errors.postIds && (
            <p className="field__error" id="share-posts-error">
              {errors.postIds.message}
            </p>
          )}
        </fieldset>
      )}
      <div>
        <Button type="submit" variant="primary" icon="send" loading={isSubmitting}>
          Create review link
        </Button>
      </div>
    </form>
  );
}
