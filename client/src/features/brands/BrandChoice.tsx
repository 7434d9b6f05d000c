import { useState, type ReactNode } from 'react';
import { SelectField } from '../../components/form/Fields';
import { EmptyState, QueryState } from '../../components/States';
import { useBrands } from './api';

export interface BrandOption {
  id: string;
  name: string;
}

interface BrandChoiceProps {
  /** Why a brand is needed, said when there is none yet: "Add a brand first: …". */
  needed: string;
  children: (choice: { companyId: string; brands: BrandOption[]; onBrand: (id: string) => void }) => ReactNode;
}

/**
 * A page about one brand at a time: the first brand until the user picks another, and a way forward when there is
 * none yet.
 */
export function BrandChoice({ needed, children }: BrandChoiceProps) {
  const brands = useBrands();
  const [chosenId, setCompanyId] = useState<string>();
  const companyId = chosenId ?? brands.data?.[0]?.id;
  return (
    <QueryState query={brands} loadingLabel="Loading brands" rows={2}>
      {(list) =>
        list.length === 0 || !companyId ? (
          <div className="card">
            <EmptyState icon="building" title="No brands yet">
              Add a brand first: {needed}
            </EmptyState>
          </div>
        ) : (
          children({ companyId, brands: list, onBrand: setCompanyId })
        )
      }
    </QueryState>
  );
}

/** The brand the page is about, chosen from the workspace's brands. */
export function BrandSelect({
  brands,
  value,
  onChange,
}: {
  brands: BrandOption[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <SelectField label="Brand" value={value} onChange={(event) => onChange(event.target.value)}>
      {brands.map((brand) => (
        <option key={brand.id} value={brand.id}>
          {brand.name}
        </option>
      ))}
    </SelectField>
  );
}
