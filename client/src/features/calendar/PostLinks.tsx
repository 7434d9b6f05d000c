import { platformLimits } from './limits';
import { usePostLinks } from './linksApi';

/** A published post's short links and the clicks each had (people only: link previews and crawlers are not counted). */
export function PostLinks({ postId }: { postId: string }) {
  const links = usePostLinks(postId, { live: true });
  const data = links.data;
  if (!data || data.links.length === 0) {
    return data?.shortenLinks ? <p className="small">Links will be shortened and tracked when the post is published.</p> : null;
  }
  const total = data.totalClicks;
  return (
    <section className="stack stack--sm" aria-label="Link clicks">
      <p>
        <strong>
          {total.toLocaleString()} {total === 1 ? 'click' : 'clicks'}
        </strong>{' '}
        on this post’s links
      </p>
      <ul className="stack stack--sm small">
        {data.links.map((link) => (
          <li key={link.code} style={{ overflowWrap: 'anywhere' }}>
            {platformLimits[link.platform].name}: <code>{link.shortUrl}</code> to {link.originalUrl} ·{' '}
            {link.clicks.toLocaleString()} {link.clicks === 1 ? 'click' : 'clicks'}
          </li>
        ))}
      </ul>
    </section>
  );
}
