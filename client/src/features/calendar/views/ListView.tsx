import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/States';
import { dayOf, formatLongDay } from '../dates';
import styles from '../calendar.module.css';
import type { ContentItem } from '../types';
import type { ViewProps } from './types';

/** Every post in time order, grouped by day, then those without a time: the whole plan at a glance. */
export function ListView({ items, chip, onNew }: Pick<ViewProps, 'items' | 'chip'> & { onNew?: () => void }) {
  if (items.length === 0) {
    return (
      <EmptyState
        icon="calendar"
        title="No posts yet"
        actions={
          onNew && (
            <Button variant="primary" icon="plus" onClick={onNew}>
              New post
            </Button>
          )
        }
      >
        Write a post for one or more networks and schedule it.
      </EmptyState>
    );
  }
  const timed = items.filter((item) => item.scheduledLocal).sort((a, b) => a.scheduledLocal!.localeCompare(b.scheduledLocal!));
  const untimed = items.filter((item) => !item.scheduledLocal);
  const groups = new Map<string, ContentItem[]>();
  for (const item of timed) {
    const key = dayOf(item.scheduledLocal!);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return (
    <div className={styles.list}>
      {[...groups].map(([day, posts]) => (
        <section key={day} aria-labelledby={`list-${day}`} className={styles.listGroup}>
          <h3 id={`list-${day}`} className={styles.listDay}>
            {formatLongDay(day)} <span className="muted">{day.slice(0, 4)}</span>
          </h3>
          <ul className={styles.listPosts}>
            {posts.map((item) => (
              <li key={item.id}>{chip(item, { wide: true })}</li>
            ))}
          </ul>
        </section>
      ))}
      {untimed.length > 0 && (
        <section aria-labelledby="list-untimed" className={styles.listGroup}>
          <h3 id="list-untimed" className={styles.listDay}>
            No time yet
          </h3>
          <ul className={styles.listPosts}>
            {untimed.map((item) => (
              <li key={item.id}>{chip(item, { wide: true })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
