import { useSession } from '../auth/useSession';
import { platformLimits, type Platform } from './limits';
import styles from './calendar.module.css';

interface PostPreviewProps {
  platform: Platform;
  text: string;
  title: string;
  /** The post's first image and its description, shown where the network shows it. */
  image?: { url: string; alt: string } | null;
  /** The network's own title of the post (a pin's title), shown above its text. */
  heading?: string;
  /** Whose post it is; the signed-in workspace when left out (a client reviewer has no session). */
  account?: string;
}

/** Where each network folds a long text behind "more" in its feed. */
const foldAt: Record<Platform, number> = {
  linkedIn: 210,
  instagram: 125,
  facebook: 480,
  x: Infinity,
  googleBusiness: Infinity,
  bluesky: Infinity,
  threads: Infinity,
  pinterest: Infinity,
  youTube: 160,
  tikTok: 100,
};

/** The post roughly as the network's feed shows it: its header, the text (folded where the feed folds it) and its actions. */
export function PostPreview({ platform, text, title, image, heading, account: accountName }: PostPreviewProps) {
  const session = useSession();
  const account = accountName ?? session?.tenant.name ?? 'Your page';
  const handle = `@${
    account
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 15) || 'yourbrand'
  }`;
  const body = text.trim();
  const fold = foldAt[platform];
  const folded = [...body].length > fold ? [...body].slice(0, fold).join('').trimEnd() : null;
  const shown = folded ?? body;
  const initial = account.slice(0, 1).toUpperCase();
  // Networks whose feed is the picture first: the text is its caption.
  const mediaFirst = ['instagram', 'pinterest', 'youTube', 'tikTok'].includes(platform);

  return (
    <article
      className={`${styles.preview} ${styles[`preview_${platform}`] ?? ''}`}
      aria-label={`${platformLimits[platform].name} preview`}
      data-platform={platform}
    >
      {platform === 'instagram' && (
        <header className={styles.previewHeader}>
          <span className={styles.previewAvatar} aria-hidden="true">
            {initial}
          </span>
          <strong>{handle.slice(1)}</strong>
        </header>
      )}
      {mediaFirst &&
        (image ? (
          <img className={styles.previewImage} src={image.url} alt={image.alt} />
        ) : (
          <div className={styles.previewMedia} aria-hidden="true">
            {platform === 'youTube' || platform === 'tikTok' ? 'Video' : 'Image or video'}
          </div>
        ))}
      {platform !== 'instagram' && (
        <header className={styles.previewHeader}>
          <span className={styles.previewAvatar} aria-hidden="true">
            {initial}
          </span>
          <span className={styles.previewWho}>
            <strong>{account}</strong>
            <span className={styles.previewMeta}>
              {platform === 'x'
                ? `${handle} · now`
                : platform === 'linkedIn'
                  ? 'Company page · now'
                  : platform === 'googleBusiness'
                    ? 'Update on Google'
                    : 'Just now'}
            </span>
          </span>
        </header>
      )}
      {heading?.trim() && <strong className={styles.previewHeading}>{heading.trim()}</strong>}
      <p className={styles.previewText}>
        {platform === 'instagram' && <strong>{handle.slice(1)} </strong>}
        {shown || <span className="muted">{title ? `Text of “${title}”` : 'Your text appears here.'}</span>}
        {folded && <span className={styles.previewMore}>{platform === 'linkedIn' ? '…see more' : '… more'}</span>}
      </p>
      {!mediaFirst && image && <img className={styles.previewImage} src={image.url} alt={image.alt} />}
      {platform === 'googleBusiness' && <span className={styles.previewButton}>Learn more</span>}
      <footer className={styles.previewActions} aria-hidden="true">
        {platform === 'linkedIn' && ['Like', 'Comment', 'Repost', 'Send'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'facebook' && ['Like', 'Comment', 'Share'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'x' && ['Reply', 'Repost', 'Like', 'Views'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'instagram' && ['Like', 'Comment', 'Share', 'Save'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'googleBusiness' && ['Share'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'pinterest' && ['Save', 'Share'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'youTube' && ['Like', 'Share', 'Save'].map((a) => <span key={a}>{a}</span>)}
        {platform === 'tikTok' && ['Like', 'Comment', 'Share'].map((a) => <span key={a}>{a}</span>)}
      </footer>
    </article>
  );
}
