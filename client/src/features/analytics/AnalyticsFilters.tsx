import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/form/Fields';
import { useBrands } from '../brands/api';
import { platformLimits, type Platform } from '../calendar/limits';
import type { AnalyticsFilter } from './api';

const networks = Object.keys(platformLimits) as Platform[];

const schema = z
  .object({
    from: z.string().min(1, 'Choose the first day.'),
    to: z.string().min(1, 'Choose the last day.'),
    companyId: z.string(),
    platform: z.string(),
  })
  .refine((values) => values.from <= values.to, { path: ['to'], message: 'The last day comes on or after the first.' })
  .refine((values) => (Date.parse(values.to) - Date.parse(values.from)) / 86_400_000 < 366, {
    path: ['from'],
    message: 'Choose a period of at most a year.',
  });

interface AnalyticsFiltersProps {
  value: AnalyticsFilter;
  onChange: (filter: AnalyticsFilter) => void;
}

/** The period (compared with the one before it), the brand and the network the page shows. */
export function AnalyticsFilters({ value, onChange }: AnalyticsFiltersProps) {
  const brands = useBrands();
  const form = useForm<AnalyticsFilter>({ resolver: zodResolver(schema), defaultValues: value });
  const { errors } = form.formState;
  const apply = form.handleSubmit((values) => onChange(values));

  return (
    <form className="cluster" aria-label="Filters" noValidate onSubmit={(event) => void apply(event)}>
      <TextField label="From" type="date" error={errors.from?.message} {...form.register('from')} />
      <TextField label="To" type="date" error={errors.to?.message} {...form.register('to')} />
      <SelectField label="Brand" {...form.register('companyId')}>
        <option value="">All brands</option>
        {(brands.data ?? []).map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Network" {...form.register('platform')}>
        <option value="">All networks</option>
        {networks.map((network) => (
          <option key={network} value={network}>
            {platformLimits[network].name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
