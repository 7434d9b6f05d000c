import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, isApiError, type Company } from '../../api';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDate, formatDateTime } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { useBrand, useDeleteBrand, useUpdateBrand } from './api';
import { BrandFormDialog } from './BrandFormDialog';
import styles from './brands.module.css';

export default function BrandPage() {
  const { brandId = '' } = useParams();
  const brand = useBrand(brandId);

  return (
    <>
      <Link to="/app/brands" className={styles.back}>
        <Icon name="arrowLeft" /> All brands
      </Link>
      {brand.isPending ? (
        <>
          <PageHeader title="Brand" />
          <div className="card">
            <LoadingState label="Loading the brand" rows={4} />
          </div>
        </>
      ) : brand.isError ? (
        <>
          <PageHeader title={isApiError(brand.error) && brand.error.status === 404 ? 'Brand not found' : 'Brand'} />
          <div className="card">
            <ErrorState error={brand.error} onRetry={() => void brand.refetch()} retrying={brand.isFetching} />
            {isApiError(brand.error) && brand.error.status === 404 && (
              <div className="state__actions" style={{ paddingBottom: 'var(--space-8)' }}>
                <ButtonLink to="/app/brands" variant="primary">
                  See your brands
                </ButtonLink>
              </div>
            )}
          </div>
        </>
      ) : (
        <BrandDetails brand={brand.data} />
      )}
    </>
  );
}

function BrandDetails({ brand }: { brand: Company }) {
  const session = useSession();
  const update = useUpdateBrand(brand.id);
  const remove = useDeleteBrand();
  const toast = useToast();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const onDelete = () =>
    remove.mutate(brand.id, {
      onSuccess: () => {
        toast.success(`${brand.name} was deleted.`);
        navigate('/app/brands', { replace: true });
      },
    });

  return (
    <>
      <PageHeader
        title={brand.name}
        description={brand.industry ?? undefined}
        actions={
          <>
            {hasRole(session, 'editor') && (
              <Button icon="pencil" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {hasRole(session, 'admin') && (
              <Button variant="danger-ghost" icon="trash" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            )}
          </>
        }
      />
      <section className="card" aria-labelledby="brand-profile">
        <div className="card__header">
          <div>
            <h2 id="brand-profile" className="card__title">
              Profile
            </h2>
            <p className="card__subtitle">What the AI knows about this brand so far.</p>
          </div>
        </div>
        <div className="card__body stack">
          <dl className={styles.details}>
            <div>
              <dt>Industry</dt>
              <dd>{brand.industry || <span className="muted">Not set</span>}</dd>
            </div>
            <div>
              <dt>Website</dt>
              <dd>
                {brand.website ? (
                  <a href={brand.website} target="_blank" rel="noreferrer noopener">
                    {brand.website}
                  </a>
                ) : (
                  <span className="muted">Not set</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Added</dt>
              <dd>{formatDate(brand.createdAt)}</dd>
            </div>
            <div>
              <dt>Last changed</dt>
              <dd>{formatDateTime(brand.updatedAt)}</dd>
            </div>
          </dl>
          <div>
            <h3 className="small muted" style={{ fontWeight: 600 }}>
              Description
            </h3>
            <p className={styles.descriptionBlock} style={{ marginTop: 'var(--space-1)' }}>
              {brand.description || <span className="muted">No description yet.</span>}
            </p>
          </div>
        </div>
      </section>

      <BrandFormDialog
        open={editing}
        brand={brand}
        onClose={() => setEditing(false)}
        onSubmit={async (request) => {
          await update.mutateAsync(request);
          toast.success('Changes saved.');
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={`Delete ${brand.name}?`}
        confirmLabel="Delete brand"
        onConfirm={onDelete}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
      >
        The brand and its profile are removed for everyone in this workspace. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
