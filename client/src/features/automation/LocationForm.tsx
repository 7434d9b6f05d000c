import { useForm, useWatch, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isApiError, type CreateGoogleBusinessLocationRequest } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextAreaField, TextField } from '../../components/form/Fields';
import { serverErrorKey } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { hasRole, useSession } from '../auth/useSession';
import { useConnections, useCreateLocation } from './api';
import styles from './automation.module.css';

const maxDescription = 750;

const schema = z
  .object({
    connectionId: z.string().min(1, 'Choose the Google connection.'),
    kind: z.enum(['storefront', 'serviceArea']),
    addressLine: z.string(),
    locality: z.string(),
    administrativeArea: z.string(),
    postalCode: z.string(),
    regionCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'Use the two-letter country code, such as US or GB.'),
    places: z.string(),
    primaryCategory: z.string().trim().min(1, 'Give Google’s category id, e.g. categories/gcid:coffee_shop.'),
    phone: z.string(),
    description: z.string().refine((text) => [...text].length <= maxDescription, `Use at most ${maxDescription} characters.`),
  })
  .superRefine((values, ctx) => {
    if (values.kind === 'storefront' && !values.addressLine.trim()) {
      ctx.addIssue({ code: 'custom', path: ['addressLine'], message: 'Give the street address.' });
    }
    if (values.kind === 'serviceArea' && !values.places.split(';').some((place) => place.trim())) {
      ctx.addIssue({ code: 'custom', path: ['places'], message: 'Name at least one place served.' });
    }
  });

type LocationValues = z.infer<typeof schema>;

/** The request the API takes: an address for a storefront, or the places served. */
export function toLocationRequest(companyId: string, values: LocationValues): CreateGoogleBusinessLocationRequest {
  const regionCode = values.regionCode.trim().toUpperCase();
  return {
    companyId,
    connectionId: values.connectionId,
    primaryCategory: values.primaryCategory.trim(),
    phone: values.phone.trim() || null,
    description: values.description.trim() || null,
    ...(values.kind === 'storefront'
      ? {
          address: {
            regionCode,
            postalCode: values.postalCode.trim() || null,
            administrativeArea: values.administrativeArea.trim() || null,
            locality: values.locality.trim() || null,
            addressLines: [values.addressLine.trim()].filter(Boolean),
          },
        }
      : {
          regionCode,
          serviceArea: values.places
            .split(';')
            .map((place) => place.trim())
            .filter(Boolean)
            .map((placeName) => ({ placeName, placeId: null })),
        }),
  };
}

/** The form field of a field the server names (`address.addressLines`, `account`, ...). */
function fieldOf(serverName: string, kind: LocationValues['kind']): Path<LocationValues> | null {
  const name = serverName.toLowerCase();
  if (name === 'connectionid' || name === 'account') return 'connectionId';
  if (name === 'address.regioncode' || name === 'regioncode') return 'regionCode';
  if (name === 'serviceArea'.toLowerCase() || (name === 'address' && kind === 'serviceArea')) return 'places';
  if (name.startsWith('address')) return 'addressLine';
  const same: Record<string, Path<LocationValues>> = {
    primarycategory: 'primaryCategory',
    phone: 'phone',
    description: 'description',
  };
  return same[name] ?? null;
}

/** Creates the brand's location on Google: validated by Google first, with a request id kept for retries. */
export function LocationForm({ companyId }: { companyId: string }) {
  const canEdit = hasRole(useSession(), 'editor');
  const connections = useConnections();
  const create = useCreateLocation(companyId);
  const toast = useToast();
  const google = (connections.data ?? []).filter((c) => c.platform === 'googleBusiness');
  const form = useForm<LocationValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      connectionId: '',
      kind: 'storefront',
      addressLine: '',
      locality: '',
      administrativeArea: '',
      postalCode: '',
      regionCode: 'US',
      places: '',
      primaryCategory: '',
      phone: '',
      description: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [kind, description, chosenConnection] = useWatch({
    control: form.control,
    name: ['kind', 'description', 'connectionId'],
  });
  // The first Google connection until the user picks another.
  const connectionId = chosenConnection || google[0]?.id || '';

  const submit = form.handleSubmit(async (values) => {
    try {
      const location = await create.mutateAsync(toLocationRequest(companyId, values));
      toast.success(`${location.title} was created on Google as ${location.locationName ?? 'a new location'}.`);
    } catch (error) {
      const unplaced: string[] = [];
      for (const [name, messages] of Object.entries(isApiError(error) ? error.fieldErrors : {})) {
        const field = fieldOf(name, values.kind);
        if (field) form.setError(field, { type: 'server', message: messages.join(' ') }, { shouldFocus: true });
        else unplaced.push(messages.join(' '));
      }
      if (!isApiError(error) || unplaced.length > 0 || Object.keys(error.fieldErrors).length === 0) {
        const message =
          unplaced.length > 0 ? unplaced.join(' ') : isApiError(error) ? error.userMessage : 'Something went wrong. Try again.';
        form.setError(serverErrorKey, { type: 'server', message });
      }
    }
  });

  if (connections.isSuccess && google.length === 0) {
    return (
      <Alert tone="info" title="Connect Google Business Profile first">
        An admin connects the Google account on the Connections page; the location is created in its Business Profile account.
      </Alert>
    );
  }

  const connectionField = form.register('connectionId');
  return (
    <form
      className={`card ${styles.panel}`}
      onSubmit={(event) => {
        if (!form.getValues('connectionId') && connectionId) form.setValue('connectionId', connectionId);
        void submit(event);
      }}
      aria-labelledby="gbp-create"
      noValidate
    >
      <h2 id="gbp-create" className={styles.sectionTitle}>
        Create the location
      </h2>
      <FormError errors={errors} />
      <div className={styles.formGrid}>
        <SelectField label="Google connection" error={errors.connectionId?.message} {...connectionField} value={connectionId}>
          {google.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName} ({c.externalAccountId})
            </option>
          ))}
        </SelectField>
        <SelectField label="Where customers are served" {...form.register('kind')}>
          <option value="storefront">At a storefront address</option>
          <option value="serviceArea">In a service area (no storefront)</option>
        </SelectField>
        {kind === 'storefront' ? (
          <>
            <TextField
              label="Street address"
              error={errors.addressLine?.message}
              autoComplete="address-line1"
              {...form.register('addressLine')}
            />
            <TextField label="City" optional autoComplete="address-level2" {...form.register('locality')} />
            <TextField label="State or region" optional autoComplete="address-level1" {...form.register('administrativeArea')} />
            <TextField label="Postal code" optional autoComplete="postal-code" {...form.register('postalCode')} />
          </>
        ) : (
          <TextField
            label="Places served"
            hint="Separate places with semicolons, e.g. San Francisco, CA; Oakland, CA."
            error={errors.places?.message}
            {...form.register('places')}
          />
        )}
        <TextField
          label="Country code"
          hint="Two letters, such as US or GB."
          error={errors.regionCode?.message}
          maxLength={2}
          {...form.register('regionCode')}
        />
        <TextField
          label="Primary category"
          hint="Google's category id, e.g. categories/gcid:coffee_shop."
          error={errors.primaryCategory?.message}
          {...form.register('primaryCategory')}
        />
        <TextField
          label="Phone"
          type="tel"
          optional
          autoComplete="tel"
          error={errors.phone?.message}
          {...form.register('phone')}
        />
      </div>
      <TextAreaField
        label="Description"
        hint={`${[...(description ?? '')].length}/${maxDescription} characters. Leave empty to use the Google Business Profile kit or the brand's description.`}
        error={errors.description?.message}
        rows={4}
        optional
        {...form.register('description')}
      />
      <div>
        <Button
          type="submit"
          variant="primary"
          icon="globe"
          loading={isSubmitting || create.isPending}
          disabled={!canEdit || !connectionId}
        >
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
