import { formatLongDay, monthGrid, viewTitle, weekdayNames } from '../dates';
import styles from '../calendar.module.css';
import { postsByDay, type ViewProps } from './types';

/** Six weeks around the month, Monday first; a post dropped on a day keeps its time of day. */
export function MonthView({ items, day, today, chip, dropTarget }: ViewProps) {
  const byDay = postsByDay(items);
  return (
    <div className={styles.month}>
      <div className={styles.weekdays} aria-hidden="true">
        {weekdayNames().map((name) => (
          <span key={name}>{name}</span>
        ))}
      </div>
      <ol className={styles.monthGrid} aria-label={viewTitle('month', day)}>
        {monthGrid(day).map((cell) => {
          const posts = byDay.get(cell) ?? [];
          const outside = cell.slice(0, 7) !== day.slice(0, 7);
          return (
            <li
              key={cell}
              aria-label={formatLongDay(cell)}
              data-day={cell}
              className={[styles.day, outside && styles.dayOutside, cell === today && styles.dayToday].filter(Boolean).join(' ')}
              {...dropTarget(cell)}
            >
              <span className={styles.dayNumber} aria-hidden="true">
                {Number(cell.slice(8))}
              </span>
              {posts.length > 0 && (
                <ul className={styles.dayPosts}>
                  {posts.map((item) => (
                    <li key={item.id}>{chip(item)}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
