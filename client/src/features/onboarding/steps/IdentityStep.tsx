import { useId } from 'react';
import { FieldError } from '../../../components/form/Fields';
import { zodResolver } from '@hookform/resolvers/zod';
import { useWatch, type Path } from 'react-hook-form';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { ErrorState, LoadingState } from '../../../components/States';
import { isSettled, useAssets, useAssetsChanged } from '../../assets/api';
import { FileUploader } from '../../assets/FileUploader';
import { identitySchema, maxColours, type IdentityValues } from '../steps';
import { StepFrame, useStepForm, type StepProps } from './StepFrame';
import styles from '../onboarding.module.css';

const hexColour = /^#[0-9A-Fa-f]{6}$/;
const suggestedColours = ['#4F46E5', '#0F172A', '#F59E0B', '#10B981', '#EF4444', '#06B6D4', '#8B5CF6', '#F97316'];

function fieldsOf(values: IdentityValues): Path<IdentityValues>[] {
  return ['logoAssetId', 'brandColours', ...values.brandColours.map((_, i) => `brandColours.${i}` as const)];
}

interface IdentityStepProps extends StepProps<IdentityValues> {
  companyId: string | null;
}

export function IdentityStep({ initial, onSave, onLeave, onBack, readOnly, companyId }: IdentityStepProps) {
  const { form, submit } = useStepForm({
    resolver: zodResolver(identitySchema),
    initial,
    onSave,
    onLeave,
    prefix: 'identity',
    fields: fieldsOf,
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const colours = useWatch({ control: form.control, name: 'brandColours' });
  const logo = useWatch({ control: form.control, name: 'logoAssetId' });
  const assetsChanged = useAssetsChanged();

  const setColours = (next: string[]) => form.setValue('brandColours', next, { shouldDirty: true, shouldValidate: isSubmitted });
  const setColour = (index: number, value: string) =>
    form.setValue(`brandColours.${index}`, value, { shouldDirty: true, shouldValidate: isSubmitted });

  return (
    <StepFrame number={5} onSubmit={submit} submitting={isSubmitting} errors={errors} onBack={onBack} readOnly={readOnly}>
      {!readOnly && (
        <section className="stack stack--sm" aria-labelledby="brand-files-title">
          <div>
            <h3 id="brand-files-title" className={styles.subheading}>
              Brand files
            </h3>
            <p className="small muted">
              Your logo, brand guide, product photos and documents: the AI draws on them, and your images are where you pick the
              logo from.
            </p>
          </div>
          <FileUploader companyId={companyId} onUploaded={assetsChanged} />
        </section>
      )}

      <LogoPicker
        value={logo}
        onChange={(id) => form.setValue('logoAssetId', id, { shouldDirty: true })}
        error={errors.logoAssetId?.message}
      />

      <fieldset className={styles.valueList}>
        <legend className="field__label">Brand colours</legend>
        <p className="field__hint">Your primary colour first. Up to {maxColours}.</p>
        {errors.brandColours?.message && (
          <p className="field__error" role="alert">
            {errors.brandColours.message}
          </p>
        )}
        {colours.length === 0 ? (
          <p className="small muted">No colours yet.</p>
        ) : (
          <ol className={styles.colours}>
            {colours.map((colour, index) => (
              <ColourRow
                key={index}
                index={index}
                value={colour}
                error={errors.brandColours?.[index]?.message}
                onChange={(value) => setColour(index, value)}
                onRemove={() => setColours(colours.filter((_, i) => i !== index))}
                readOnly={readOnly}
              />
            ))}
          </ol>
        )}
        {!readOnly && colours.length < maxColours && (
          <div>
            <Button
              icon="plus"
              size="sm"
              onClick={() => setColours([...colours, suggestedColours.find((c) => !colours.includes(c)) ?? '#000000'])}
            >
              Add a colour
            </Button>
          </div>
        )}
      </fieldset>
    </StepFrame>
  );
}

function ColourRow({
  index,
  value,
  error,
  onChange,
  onRemove,
  readOnly,
}: {
  index: number;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onRemove: () => void;
  readOnly: boolean;
}) {
  const textId = useId();
  const errorId = `${textId}-error`;
  const number = index + 1;
  return (
    <li className={styles.colour}>
      <div className={styles.colourControls}>
        <input
          type="color"
          className={styles.swatch}
          value={hexColour.test(value) ? value.toLowerCase() : '#000000'}
          onChange={(event) => onChange(event.target.value.toUpperCase())}
          aria-label={`Pick colour ${number}`}
        />
        <label className="visually-hidden" htmlFor={textId}>
          Colour {number} as #RRGGBB
        </label>
        <input
          id={textId}
          className={`input ${styles.hexInput}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={7}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {!readOnly && (
          <Button variant="ghost" size="sm" className="btn--icon" onClick={onRemove} aria-label={`Remove colour ${number}`}>
            <Icon name="trash" />
          </Button>
        )}
      </div>
      {error && <FieldError id={errorId} message={error} />}
    </li>
  );
}

function LogoPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const images = useAssets({ type: 'image', pageSize: 48 });
  const name = useId();
  return (
    <fieldset className={styles.valueList} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="field__label">Logo</legend>
      <p className="field__hint">Choose it among your uploaded images.</p>
      {error && <FieldError id={`${name}-error`} message={error} />}
      {images.isPending ? (
        <LoadingState label="Loading your images" rows={2} />
      ) : images.isError ? (
        <ErrorState error={images.error} onRetry={() => void images.refetch()} retrying={images.isFetching} />
      ) : (
        <ul className={styles.logos}>
          <li>
            <label className={styles.logoOption}>
              <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
              <span className={styles.logoThumb} aria-hidden="true">
                <Icon name="x" />
              </span>
              <span className={styles.logoName}>No logo</span>
            </label>
          </li>
          {images.data.items.map((image) => (
            <li key={image.id}>
              <label className={styles.logoOption}>
                <input type="radio" name={name} checked={value === image.id} onChange={() => onChange(image.id)} />
                <span className={styles.logoThumb}>
                  {image.thumbnailUrl ? (
                    <img src={image.thumbnailUrl} alt="" loading="lazy" />
                  ) : isSettled(image) ? (
                    <Icon name="alert" />
                  ) : (
                    <span className="spinner" aria-hidden="true" />
                  )}
                </span>
                <span className={styles.logoName}>
                  {image.name}
                  {!isSettled(image) && <span className="small muted"> (processing)</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {images.isSuccess && images.data.items.length === 0 && (
        <p className="small muted">Upload an image above to use it as your logo.</p>
      )}
    </fieldset>
  );
}
