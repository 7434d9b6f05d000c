import { useId, useState } from 'react';
import { useAssets } from '../../assets/api';
import { platformLimits, type Platform } from '../limits';
import { PostPreview } from '../PostPreview';
import styles from '../calendar.module.css';
import { textFor, type ComposerValues } from './schema';

/** The post as each chosen network shows it; tabs wrap rather than spill when the names are long. */
export function Previews({ values }: { values: ComposerValues }) {
  const chosen = values.platforms ?? [];
  const [shown, setShown] = useState<Platform | null>(null);
  const active = shown && chosen.includes(shown) ? shown : chosen[0];
  const name = useId();
  // The first chosen image, as the feed shows it (the composer's media list shares this query).
  const assets = useAssets({ pageSize: 100 });
  const image = (values.media ?? [])
    .map((id) => assets.data?.items.find((asset) => asset.id === id))
    .find((asset) => asset?.type === 'image');
  return (
    <section className={styles.previews} aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`} className={styles.previewTitle}>
        Preview
      </h3>
      {chosen.length > 1 && (
        <fieldset className={`segmented ${styles.previewTabs}`}>
          <legend className="visually-hidden">Preview as</legend>
          {chosen.map((platform) => (
            <label key={platform}>
              <input
                type="radio"
                name={name}
                value={platform}
                checked={platform === active}
                onChange={() => setShown(platform)}
              />
              <span>{platformLimits[platform].name}</span>
            </label>
          ))}
        </fieldset>
      )}
      {active ? (
        <PostPreview
          platform={active}
          text={textFor(values, active) ?? ''}
          title={values.title ?? ''}
          image={image ? { url: image.previewUrl ?? image.url, alt: values.altTexts?.[image.id] ?? image.altText ?? '' } : null}
          heading={
            active === 'pinterest'
              ? values.options?.pinterest?.title
              : active === 'youTube'
                ? values.options?.youTube?.title
                : undefined
          }
        />
      ) : (
        <p className="muted">Choose a network to see the post as it will look there.</p>
      )}
    </section>
  );
}
