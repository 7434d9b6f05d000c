import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Asset } from '../../api';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { useBrands } from '../brands/api';
import { useUpdateAsset } from './api';
import styles from './files.module.css';

const detailsSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.'),
  tags: z
    .string()
    .refine((value) => parseTags(value).length <= 20, 'Use at most 20 tags.')
    .refine((value) => parseTags(value).every((tag) => tag.length <= 40), 'Keep each tag to 40 characters.'),
  companyId: z.string(),
});

type DetailsValues = z.infer<typeof detailsSchema>;

/** "Logo, Print , logo" is ["logo", "print"]: the server keeps tags lower-case and once each. */
export function parseTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** The file's name, tags and, with several brands, the brand it belongs to, saved together. */
export function DetailsForm({ asset }: { asset: Asset }) {
  const update = useUpdateAsset();
  const brands = useBrands().data ?? [];
  const toast = useToast();
  const form = useForm<DetailsValues>({
    resolver: zodResolver(detailsSchema),
    defaultValues: { name: asset.name, tags: asset.tags.join(', '), companyId: asset.companyId ?? '' },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      // The brand is sent only when it changed: a rename never moves a file between brands.
      const brand =
        values.companyId === (asset.companyId ?? '')
          ? {}
          : values.companyId
            ? { companyId: values.companyId }
            : { everyBrand: true };
      const saved = await update.mutateAsync({
        id: asset.id,
        body: { name: values.name, tags: parseTags(values.tags), ...brand },
      });
      form.reset({ name: saved.name, tags: saved.tags.join(', '), companyId: saved.companyId ?? '' });
      toast.success('Changes saved.');
    } catch (error) {
      // An error on one tag (tags[2]) shows on the tags field.
      applyServerErrors(error, form.setError, ['name', 'tags', 'companyId']);
    }
  });

  return (
    <form className={`form ${styles.details}`} onSubmit={submit} noValidate aria-label="Name and tags">
      <FormError errors={errors} />
      <div className="form__row">
        <TextField label="Name" error={errors.name?.message} {...form.register('name')} />
        <TextField
          label="Tags"
          optional
          hint="Separate tags with commas, e.g. logo, print."
          error={errors.tags?.message}
          {...form.register('tags')}
        />
      </div>
      {brands.length > 1 && (
        <SelectField
          label="Brand"
          hint="A brand's documents ground and check that brand's posts only; a file for every brand counts for all."
          error={errors.companyId?.message}
          {...form.register('companyId')}
        >
          <option value="">Every brand</option>
          {brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
