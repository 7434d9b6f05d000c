import { useState, type FormEvent } from 'react';
import { errorMessage, isApiError, type CreateGoogleBusinessLocationRequest } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/form/Fields';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { formatDate } from '../../lib/format';
import { locationCreationLabels, locationVerificationLabels } from '../../lib/labels';
import { hasRole, useSession } from '../auth/useSession';
import { useBrands } from '../brands/api';
import { useConnections, useCreateLocation, useLocations, useRefreshVerification } from './api';
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

function LocationForm({ companyId }: { companyId: string }) {
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  const connections = useConnections();
  const create = useCreateLocation(companyId);
  const toast = useToast();
  const google = (connections.data ?? []).filter((c) => c.platform === 'googleBusiness');
  const [form, setForm] = useState({
    connectionId: '',
    kind: 'storefront' as 'storefront' | 'serviceArea',
    addressLine: '',
    locality: '',
    administrativeArea: '',
    postalCode: '',
    regionCode: 'US',
    places: '',
    primaryCategory: '',
    phone: '',
    description: '',
  });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const connectionId = form.connectionId || google[0]?.id || '';
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : {};
  const fieldError = (...names: string[]) => names.map((n) => fieldErrors[n]?.[0]).find(Boolean);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: CreateGoogleBusinessLocationRequest = {
      companyId,
      connectionId,
      primaryCategory: form.primaryCategory.trim(),
      phone: form.phone.trim() || null,
      description: form.description.trim() || null,
      ...(form.kind === 'storefront'
        ? {
            address: {
              regionCode: form.regionCode.trim().toUpperCase(),
              postalCode: form.postalCode.trim() || null,
              administrativeArea: form.administrativeArea.trim() || null,
              locality: form.locality.trim() || null,
              addressLines: [form.addressLine.trim()].filter(Boolean),
            },
          }
        : {
            regionCode: form.regionCode.trim().toUpperCase(),
            serviceArea: form.places
              .split(';')
              .map((p) => p.trim())
              .filter(Boolean)
              .map((placeName) => ({ placeName, placeId: null })),
          }),
    };
    const location = await create.mutateAsync(body).catch(() => null);
    if (location) toast.success(`${location.title} was created on Google as ${location.locationName ?? 'a new location'}.`);
  }

  if (connections.isSuccess && google.length === 0) {
    return (
      <Alert tone="info" title="Connect Google Business Profile first">
        An admin connects the Google account in Settings; the location is created in its Business Profile account.
      </Alert>
    );
  }

  return (
    <form className={`card ${styles.panel}`} onSubmit={submit} aria-labelledby="gbp-create" noValidate>
      <h2 id="gbp-create" className={styles.sectionTitle}>
        Create the location
      </h2>
      <div className={styles.formGrid}>
        <SelectField
          label="Google connection"
          value={connectionId}
          onChange={set('connectionId')}
          error={fieldError('connectionId', 'account')}
        >
          {google.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName} ({c.externalAccountId})
            </option>
          ))}
        </SelectField>
        <SelectField label="Where customers are served" value={form.kind} onChange={set('kind')}>
          <option value="storefront">At a storefront address</option>
          <option value="serviceArea">In a service area (no storefront)</option>
        </SelectField>
        {form.kind === 'storefront' ? (
          <>
            <TextField
              label="Street address"
              value={form.addressLine}
              onChange={set('addressLine')}
              error={fieldError('address', 'address.addressLines')}
              autoComplete="address-line1"
            />
            <TextField label="City" value={form.locality} onChange={set('locality')} optional autoComplete="address-level2" />
            <TextField
              label="State or region"
              value={form.administrativeArea}
              onChange={set('administrativeArea')}
              optional
              autoComplete="address-level1"
            />
            <TextField
              label="Postal code"
              value={form.postalCode}
              onChange={set('postalCode')}
              optional
              autoComplete="postal-code"
            />
          </>
        ) : (
          <TextField
            label="Places served"
            hint="Separate places with semicolons, e.g. San Francisco, CA; Oakland, CA."
            value={form.places}
            onChange={set('places')}
            error={fieldError('address', 'serviceArea')}
          />
        )}
        <TextField
          label="Country code"
          hint="Two letters, such as US or GB."
          value={form.regionCode}
          onChange={set('regionCode')}
          error={fieldError('address.regionCode', 'regionCode')}
          maxLength={2}
        />
        <TextField
          label="Primary category"
          hint="Google's category id, e.g. categories/gcid:coffee_shop."
          value={form.primaryCategory}
          onChange={set('primaryCategory')}
          error={fieldError('primaryCategory')}
        />
        <TextField
          label="Phone"
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          error={fieldError('phone')}
          optional
          autoComplete="tel"
        />
      </div>
      <TextAreaField
        label="Description"
        hint={`${[...form.description].length}/750 characters. Leave empty to use the Google Business Profile kit or the brand's description.`}
        value={form.description}
        onChange={set('description')}
        error={fieldError('description')}
        maxLength={750}
        rows={4}
        optional
      />
      {create.error && !Object.keys(fieldErrors).length && <Alert tone="error">{errorMessage(create.error)}</Alert>}
      <div>
        <Button type="submit" variant="primary" icon="globe" loading={create.isPending} disabled={!canEdit || !connectionId}>
          Validate and create
        </Button>
        <p className="field__hint">
          Google checks the details first; the creation carries a request id kept for retries, so sending again never makes a
          second location.
        </p>
      </div>
    </form>
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
