import { useState } from 'react';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/form/Fields';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { locationCreationLabels, locationVerificationLabels } from '../../lib/labels';
import { hasRole, useSession } from '../auth/useSession';
import { useBrands } from '../brands/api';
import { useLocations, useRefreshVerification } from './api';
import { LocationForm } from './LocationForm';
import styles from './automation.module.css';

const verificationLabels = locationVerificationLabels;
const stateLabels = locationCreationLabels;

/** Creates the brand's Google Business Profile location, validated first and safe to retry, and tracks its verification. */
export default function GoogleBusinessPage() {
  const brands = useBrands();
  const [chosenId, setCompanyId] = useState<string>();
  // The first brand until the user picks another.
  const companyId = chosenId ?? brands.data?.[0]?.id;

  return (
    <>
      <PageHeader
        title="Google Business Profile"
        description="Create your brand's location on Google through the Business Profile API, then follow its verification."
      />
      <QueryState query={brands} loadingLabel="Loading brands" rows={2}>
        {(list) =>
          list.length === 0 || !companyId ? (
            <div className="card">
              <EmptyState icon="building" title="No brands yet">
                Add a brand first: the location takes its name, website and description.
              </EmptyState>
            </div>
          ) : (
            <div className={styles.stack}>
              <SelectField label="Brand" value={companyId} onChange={(event) => setCompanyId(event.target.value)}>
                {list.map((brand) => (
                  <option key={brand.id} value={brand.id}>
                    {brand.name}
                  </option>
                ))}
              </SelectField>
              <LocationForm key={companyId} companyId={companyId} />
              <Locations companyId={companyId} />
            </div>
          )
        }
      </QueryState>
    </>
  );
}

function Locations({ companyId }: { companyId: string }) {
  const locations = useLocations(companyId);
  const refresh = useRefreshVerification(companyId);
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="gbp-locations">
      <h2 id="gbp-locations" className={styles.sectionTitle}>
        Locations
      </h2>
      <QueryState query={locations} loadingLabel="Loading locations" rows={2}>
        {(list) =>
          list.length === 0 ? (
            <p className={styles.note}>None yet.</p>
          ) : (
            <ul className={styles.locations}>
              {list.map((location) => (
                <li key={location.id} className={styles.location}>
                  <div className={styles.kitHeader}>
                    <strong>{location.title}</strong>
                    <div className={styles.badges}>
                      <Badge
                        tone={location.state === 'created' ? 'success' : location.state === 'rejected' ? 'danger' : 'warning'}
                      >
                        {stateLabels[location.state]}
                      </Badge>
                      {location.state === 'created' && (
                        <Badge tone={location.verification === 'verified' ? 'success' : 'primary'}>
                          {verificationLabels[location.verification]}
                        </Badge>
                      )}
                    </div>
                  </div>
                  <dl className={styles.facts}>
                    <dt>Account</dt>
                    <dd>{location.account}</dd>
                    {location.locationName && (
                      <>
                        <dt>Location</dt>
                        <dd>{location.locationName}</dd>
                      </>
                    )}
                    <dt>Request id</dt>
                    <dd>
                      <code>{location.requestId}</code>
                    </dd>
                    <dt>Attempts</dt>
                    <dd>{location.attempts}</dd>
                    <dt>Started</dt>
                    <dd>{formatDate(location.createdAt)}</dd>
                  </dl>
                  {location.lastError && (
                    <Alert tone={location.state === 'rejected' ? 'error' : 'warning'}>{location.lastError}</Alert>
                  )}
                  {canEdit && location.state === 'created' && (
                    <Button
                      size="sm"
                      icon="refresh"
                      loading={refresh.isPending && refresh.variables === location.id}
                      onClick={() => refresh.mutate(location.id)}
                    >
                      Check verification
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {refresh.error && <Alert tone="error">{errorMessage(refresh.error)}</Alert>}
    </section>
  );
}
