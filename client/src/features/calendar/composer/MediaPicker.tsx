import { useId, useRef, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { errorMessage, uploadWithProgress, type Asset } from '../../../api';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField, FieldError } from '../../../components/form/Fields';
import { useAssets, useAssetsChanged } from '../../assets/api';
import { platformLimits } from '../limits';
import styles from '../calendar.module.css';
import { cropImage, feedShapes, hasShape } from './crop';
import type { ComposerValues } from './schema';

type Form = UseFormReturn<ComposerValues>;

const uploadPath = '/api/v1/onboarding/assets/upload';

/**
 * The post's images and videos: pick uploaded ones, upload new ones from here (with progress), crop an image to a
 * network's feed shape (a new file; the original stays), and describe each for people who cannot see it (alt text,
 * kept with the file and sent to the networks that take one).
 */
export function MediaPicker({ form, error }: { form: Form; error?: string }) {
  const assets = useAssets({ pageSize: 100 });
  const changed = useAssetsChanged();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const chosen = useWatch({ control: form.control, name: 'media' }) ?? [];
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<Asset[]>([]);

  // The server's copy first: it has the measurements and thumbnail that processing adds after the upload.
  const listed = [...(assets.data?.items ?? []), ...added].filter(
    (asset, index, all) =>
      (asset.type === 'image' || asset.type === 'video') &&
      asset.state !== 'failed' &&
      all.findIndex((other) => other.id === asset.id) === index,
  );
  const media = listed.filter((asset) => asset.state === 'ready' || chosen.includes(asset.id));

  async function upload(file: File, replacing?: string) {
    setFailure(null);
    setUploading({ name: file.name, percent: 0 });
    try {
      const body = new FormData();
      body.append('files', file, file.name);
      const [asset] = await uploadWithProgress<Asset[]>({
        path: uploadPath,
        body,
        onProgress: ({ loaded, total }) =>
          setUploading({ name: file.name, percent: total > 0 ? Math.round((loaded / total) * 100) : 0 }),
      });
      if (!asset) return;
      setAdded((list) => [asset, ...list]);
      const current = form.getValues('media');
      const next = replacing ? current.map((id) => (id === replacing ? asset.id : id)) : [...current, asset.id];
      form.setValue('media', next, { shouldDirty: true });
      if (replacing) {
        const alt = form.getValues(`altTexts.${replacing}`);
        if (alt) form.setValue(`altTexts.${asset.id}`, alt, { shouldDirty: true });
      }
      changed();
    } catch (caught) {
      setFailure(`“${file.name}” could not be uploaded: ${errorMessage(caught)}`);
    } finally {
      setUploading(null);
    }
  }

  async function crop(asset: Asset, platform: keyof typeof feedShapes) {
    const shape = feedShapes[platform];
    try {
      const base = asset.name.replace(/\.[^.]+$/, '');
      const file = await cropImage(asset.url, shape.ratio, `${base}, cropped for ${platformLimits[platform].name}`);
      await upload(file, asset.id);
    } catch (caught) {
      setFailure(`“${asset.name}” could not be cropped: ${caught instanceof Error ? caught.message : errorMessage(caught)}`);
    }
  }

  return (
    <fieldset className={styles.networks} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Images and videos</legend>
      {media.length > 0 && (
        <div className={styles.mediaList}>
          {media.map((asset) => (
            <label key={asset.id} className={styles.mediaOption}>
              <input type="checkbox" value={asset.id} {...form.register('media')} />
              {asset.thumbnailUrl && <img src={asset.thumbnailUrl} alt="" width={40} height={40} />}
              <span>{asset.name}</span>
              {asset.state !== 'ready' && <span className="muted"> (processing)</span>}
            </label>
          ))}
        </div>
      )}
      <div className={styles.uploadRow}>
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,video/mp4,video/quicktime,video/webm"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
        <Button size="sm" icon="upload" onClick={() => input.current?.click()} loading={!!uploading} disabled={!!uploading}>
          Upload image or video
        </Button>
        {uploading && (
          <span role="status" className="field__hint">
            Uploading “{uploading.name}”: {uploading.percent}%
          </span>
        )}
      </div>
      {failure && <Alert tone="error">{failure}</Alert>}
      {media
        .filter((asset) => chosen.includes(asset.id))
        .map((asset) => (
          <MediaDetails
            key={asset.id}
            asset={asset}
            form={form}
            onCrop={(platform) => void crop(asset, platform)}
            busy={!!uploading}
          />
        ))}
      {error && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}

/** One chosen file: its description and, for an image, a crop to each chosen network's feed shape it does not have. */
function MediaDetails({
  asset,
  form,
  onCrop,
  busy,
}: {
  asset: Asset;
  form: Form;
  onCrop: (platform: keyof typeof feedShapes) => void;
  busy: boolean;
}) {
  const networks = useWatch({ control: form.control, name: 'platforms' }) ?? [];
  const error = form.formState.errors.altTexts?.[asset.id]?.message;
  const shapes = asset.type === 'image' && asset.width && asset.height ? networks : [];
  const crops = shapes.filter(
    (platform, index) =>
      !hasShape(asset.width!, asset.height!, feedShapes[platform].ratio) &&
      shapes.findIndex((other) => feedShapes[other].ratio === feedShapes[platform].ratio) === index,
  );
  return (
    <div className={styles.mediaDetails}>
      <TextField
        label={`Description of “${asset.name}” (alt text)`}
        optional
        hint="What it shows, for people who cannot see it. Sent to the networks that take one."
        defaultValue={asset.altText ?? ''}
        error={error}
        {...form.register(`altTexts.${asset.id}`)}
      />
      {crops.length > 0 && (
        <div className={styles.cropRow}>
          <span className="field__hint">Crop a copy to fit:</span>
          {crops.map((platform) => (
            <Button key={platform} size="sm" variant="ghost" icon="crop" disabled={busy} onClick={() => onCrop(platform)}>
              {platformLimits[platform].name} {feedShapes[platform].label}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
