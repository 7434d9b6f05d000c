import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { z } from 'zod';
import { TextAreaField, TextField } from '../../components/form/Fields';

// The server's limits (Domain/Companies/Company.cs); it checks them again and names the field when one fails. One
// place for the brand dialog and the first onboarding step, which edit the same four fields of a company.
const limit = (max: number) => `Use at most ${max.toLocaleString('en-US')} characters.`;

/** The company basics' rules; `noun` names the first field in its message ("Enter the brand name."). */
export function companyBasicsSchema(noun: 'brand' | 'company') {
  return z.object({
    name: z.string().trim().min(1, `Enter the ${noun} name.`).max(120, limit(120)),
    industry: z.string().trim().max(120, limit(120)),
    website: z
      .string()
      .trim()
      .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), 'Enter a full web address starting with https://.'),
    description: z.string().trim().max(2000, limit(2000)),
  });
}

export type CompanyBasicsValues = z.infer<ReturnType<typeof companyBasicsSchema>>;

export const companyBasicsFields = ['name', 'industry', 'website', 'description'] as const;

/** The form values of a saved company (empty strings for what it lacks). */
export function companyBasicsValues(
  company?: { name?: string | null; industry?: string | null; website?: string | null; description?: string | null } | null,
): CompanyBasicsValues {
  return {
    name: company?.name ?? '',
    industry: company?.industry ?? '',
    website: company?.website ?? '',
    description: company?.description ?? '',
  };
}

interface CompanyBasicsFieldsProps {
  register: UseFormRegister<CompanyBasicsValues>;
  errors: FieldErrors<CompanyBasicsValues>;
  nameLabel: string;
  descriptionLabel: string;
  descriptionHint: string;
  /** Focus the name when the surrounding dialog opens. */
  autoFocusName?: boolean;
}

export function CompanyBasicsFields({
  register,
  errors,
  nameLabel,
  descriptionLabel,
  descriptionHint,
  autoFocusName,
}: CompanyBasicsFieldsProps) {
  return (
    <>
      <TextField
        label={nameLabel}
        autoComplete="organization"
        autoFocusOnOpen={autoFocusName}
        error={errors.name?.message}
        {...register('name')}
      />
      <div className="form__row">
        <TextField
          label="Industry"
          optional
          placeholder="e.g. Outdoor apparel"
          error={errors.industry?.message}
          {...register('industry')}
        />
        <TextField
          label="Website"
          optional
          type="url"
          inputMode="url"
          placeholder="https://"
          error={errors.website?.message}
          {...register('website')}
        />
      </div>
      <TextAreaField
        label={descriptionLabel}
        optional
        rows={4}
        hint={descriptionHint}
        error={errors.description?.message}
        {...register('description')}
      />
    </>
  );
}
