import { useState } from 'react';
import { Link } from 'react-router';
import type { Company } from '../../api';
import { Avatar } from '../../components/Avatar';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { displayHost, formatDate } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { useBrands, useCreateBrand } from './api';
import { BrandFormDialog } from './BrandFormDialog';
import styles from './brands.module.css';

export default function BrandsPage() {
  const session = useSession();
  const brands = useBrands();
  const create = useCreateBrand();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const canEdit = hasRole(session, 'editor');

  const addButton = canEdit && (
    <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
      Add brand
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Brands"
        description="The companies and product lines this workspace creates content for."
        actions={brands.data && brands.data.length > 0 ? addButton : undefined}
      />
      <QueryState query={brands} loadingLabel="Loading brands" rows={4}>
        {(list) =>
          list.length === 0 ? (
            <div className="card">
              <EmptyState icon="building" title="No brands yet" actions={addButton}>
                {canEdit
                  ? 'Add your first brand to start building its profile, strategy and content.'
                  : 'An editor or admin of this workspace can add the first brand.'}
              </EmptyState>
            </div>
          ) : (
            <ul className={styles.grid} aria-label="Brands">
              {list.map((brand) => (
                <BrandCard key={brand.id} brand={brand} />
              ))}
            </ul>
          )
        }
      </QueryState>
      <BrandFormDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSubmit={async (request) => {
          const brand = await create.mutateAsync(request);
          toast.success(`${brand.name} was added.`);
        }}
      />
    </>
  );
}

function BrandCard({ brand }: { brand: Company }) {
  return (
    <li className={`card ${styles.card}`}>
      <div className={styles.cardTop}>
        <Avatar name={brand.name} square />
        <div className={styles.cardTitleWrap}>
          <h2 className={styles.cardTitle}>
            <Link to={`/app/brands/${brand.id}`} className={styles.cardLink}>
              {brand.name}
            </Link>
          </h2>
          {brand.industry && <Badge>{brand.industry}</Badge>}
        </div>
      </div>
      <p className={styles.cardText}>{brand.description || 'No description yet.'}</p>
      <div className={styles.cardMeta}>
        {brand.website ? (
          <span className={styles.metaItem}>
            <Icon name="globe" />
            {displayHost(brand.website)}
          </span>
        ) : (
          <span />
        )}
        <span className={styles.metaItem}>Added {formatDate(brand.createdAt)}</span>
      </div>
    </li>
  );
}
