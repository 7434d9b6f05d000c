import { useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField, TextField } from '../../../components/form/Fields';
import { useAssets } from '../../assets/api';
import { codePointLength } from '../limits';
import styles from '../calendar.module.css';
import { tagsOf, titleMax, youTubeTagLength } from './options';
import type { ComposerValues } from './schema';

/** YouTube shows a vertical or square video of up to three minutes as a Short (YouTube Help, "Upload YouTube Shorts"). */
const shortsMaxSeconds = 180;

function Count({ value, max, testId, label }: { value: number; max: number; testId: string; label: string }) {
  return (
    <p className={value > max ? `${styles.counter} ${styles.counterOver}` : styles.counter} data-testid={testId}>
      <span>{label}</span>{' '}
      <span>
        {value} / {max}
      </span>
    </p>
  );
}

/** A YouTube video's title, who can watch it, its tags and when it goes public; says when YouTube will make it a Short. */
export function YouTubeOptions({ form, timeZone }: { form: UseFormReturn<ComposerValues>; timeZone: string }) {
  const errors = form.formState.errors.options?.youTube;
  const video = useWatch({ control: form.control, name: 'options.youTube' });
  const media = useWatch({ control: form.control, name: 'media' }) ?? [];
  const assets = useAssets({ pageSize: 100 });
  const clip = media.map((id) => assets.data?.items.find((asset) => asset.id === id)).find((asset) => asset?.type === 'video');
  const isShort =
    !!clip?.width && !!clip.height && clip.height >= clip.width && (clip.durationSeconds ?? Infinity) <= shortsMaxSeconds;

  return (
    <fieldset className={styles.networkOptions}>
      <legend className="field__label">YouTube</legend>
      <TextField label="Video title" error={errors?.title?.message} {...form.register('options.youTube.title')} />
      <Count value={codePointLength((video?.title ?? '').trim())} max={titleMax} testId="counter-video-title" label="Title" />
      <SelectField label="Who can watch" error={errors?.privacy?.message} {...form.register('options.youTube.privacy')}>
        <option value="public">Public: anyone</option>
        <option value="unlisted">Unlisted: anyone with the link</option>
        <option value="private">Private: only you</option>
      </SelectField>
      <TextField
        label="Tags"
        optional
        hint="Separate tags with commas."
        error={errors?.tags?.message}
        {...form.register('options.youTube.tags')}
      />
      <Count value={youTubeTagLength(tagsOf(video?.tags ?? ''))} max={500} testId="counter-video-tags" label="Tags" />
      <TextField
        label={`Goes public at (${timeZone})`}
        type="datetime-local"
        optional
        hint="Uploaded as private, YouTube makes it public at this time."
        error={errors?.publishAt?.message}
        {...form.register('options.youTube.publishAt')}
      />
      {clip && (
        <p className="field__hint" role="status">
          {isShort
            ? 'This vertical video of three minutes or less will appear on YouTube as a Short.'
            : 'YouTube shows this video as a regular video (a Short is vertical or square and three minutes or less).'}
        </p>
      )}
    </fieldset>
  );
}
