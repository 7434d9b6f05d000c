import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Company, CompanyRequest } from '../../api';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/form/FormError';
import { applyServerErrors } from '../../components/form/serverErrors';
import {
  CompanyBasicsFields,
  companyBasicsFields,
  companyBasicsSchema,
  companyBasicsValues,
  type CompanyBasicsValues,
} from './CompanyBasicsFields';

const schema = companyBasicsSchema('brand');

function toRequest(values: CompanyBasicsValues): CompanyRequest {
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
  const form = useForm<CompanyBasicsValues>({ resolver: zodResolver(schema), defaultValues: companyBasicsValues(brand) });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (open) form.reset(companyBasicsValues(brand));
  }, [open, brand, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(toRequest(values));
      onClose();
    } catch (error) {
      applyServerErrors(error, form.setError, companyBasicsFields);
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
        <CompanyBasicsFields
          register={form.register}
          errors={errors}
          nameLabel="Brand name"
          descriptionLabel="Description"
          descriptionHint="What the brand sells and to whom, in a sentence or two."
          autoFocusName
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
