import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Company, CompanyRequest } from '../../api';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/form/FormError';
import { TextAreaField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';

// The server's limits (Domain/Companies/Company.cs); it checks them again and names the field when one fails.
const schema = z.object({
  name: z.string().trim().min(1, 'Enter the brand name.').max(120, 'Use at most 120 characters.'),
  industry: z.string().trim().max(120, 'Use at most 120 characters.'),
  website: z
    .string()
    .trim()
    .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), 'Enter a full web address starting with https://.'),
  description: z.string().trim().max(2000, 'Use at most 2,000 characters.'),
});

type Values = z.infer<typeof schema>;

const fields = ['name', 'industry', 'website', 'description'] as const;

function toValues(brand?: Company): Values {
  return {
    name: brand?.name ?? '',
    industry: brand?.industry ?? '',
    website: brand?.website ?? '',
    description: brand?.description ?? '',
  };
}

function toRequest(values: Values): CompanyRequest {
  return {
    name: values.name,
    industry: values.industry || null,
    website: values.website || null,
    description: values.description || null,
  };
}

interface BrandFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** The brand to edit; none to create one. */
  brand?: Company;
  onSubmit: (request: CompanyRequest) => Promise<unknown>;
}

export function BrandFormDialog({ open, onClose, brand, onSubmit }: BrandFormDialogProps) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: toValues(brand) });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (open) form.reset(toValues(brand));
  }, [open, brand, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(toRequest(values));
      onClose();
    } catch (error) {
      applyServerErrors(error, form.setError, fields);
    }
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={brand ? `Edit ${brand.name}` : 'Add a brand'}
      description={brand ? undefined : 'A brand is a company or product line you create content for.'}
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormError errors={errors} />
        <TextField label="Brand name" autoFocusOnOpen error={errors.name?.message} {...form.register('name')} />
        <div className="form__row">
          <TextField
            label="Industry"
            optional
            placeholder="e.g. Outdoor apparel"
            error={errors.industry?.message}
            {...form.register('industry')}
          />
          <TextField
            label="Website"
            optional
            type="url"
            inputMode="url"
            placeholder="https://"
            error={errors.website?.message}
            {...form.register('website')}
          />
        </div>
        <TextAreaField
          label="Description"
          optional
          rows={4}
          hint="What the brand sells and to whom, in a sentence or two."
          error={errors.description?.message}
          {...form.register('description')}
        />
        <div className="form__actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={isSubmitting}>
            {brand ? 'Save changes' : 'Add brand'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
