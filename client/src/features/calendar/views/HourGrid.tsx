import { currentSlot, existsInZone, formatLongDay, formatShortDay, hourOf, hours, viewTitle, type Day } from '../dates';
import styles from '../calendar.module.css';
import { postsByDay, type ViewProps } from './types';

interface HourGridProps extends ViewProps {
  days: Day[];
  /** Opens one day (its name in the header is a button), for the week view. */
  onOpenDay?: (day: Day) => void;
}

/**
 * Days side by side with an hour grid, in the workspace's time zone: each post sits in the row of its hour, and a post
 * dropped on a slot goes out at that hour. Hours are wall-clock times, so the day summer time starts lacks its skipped
 * hour (shown, but no post can be put there) and the day it ends holds both of the repeated hour's posts in one row.
 */
export function HourGrid({ items, days, day, today, timeZone, chip, dropTarget, onOpenDay }: HourGridProps) {
  const byDay = postsByDay(items);
  const now = currentSlot(timeZone);
  const single = days.length === 1;
  const title = viewTitle(single ? 'day' : 'week', day);
  return (
    <div className={styles.hourGridScroll}>
      <div
        className={single ? `${styles.hourGrid} ${styles.hourGridDay}` : styles.hourGrid}
        style={{ '--days': days.length } as object}
      >
        {!single && (
          <div className={styles.hourHead}>
            <span aria-hidden="true" />
            {days.map((cell) => (
              <span
                key={cell}
                data-day={cell}
                className={cell === today ? styles.hourHeadToday : undefined}
                {...dropTarget(cell)}
              >
                {onOpenDay ? (
                  <button type="button" className={styles.dayLink} onClick={() => onOpenDay(cell)}>
                    <span aria-hidden="true">{formatShortDay(cell)}</span>
                    <span className="visually-hidden">Show {formatLongDay(cell)}</span>
                  </button>
                ) : (
                  formatShortDay(cell)
                )}
              </span>
            ))}
          </div>
        )}
        <ol className={styles.hourRows} aria-label={title}>
          {hours.map((hour) => (
            <li key={hour} className={styles.hourRow}>
              <span className={styles.hourLabel} aria-hidden="true">
                {hour}
              </span>
              <ol className={styles.hourSlots} aria-label={hour}>
                {days.map((cell) => {
                  const slot = `${cell}T${hour}`;
                  const posts = (byDay.get(cell) ?? []).filter((item) => hourOf(item.scheduledLocal!) === hour);
                  const skipped = !existsInZone(slot, timeZone) && posts.length === 0;
                  const label = `${formatLongDay(cell)}, ${hour}${skipped ? ', skipped: the clocks go forward' : ''}`;
                  return (
                    <li
                      key={cell}
                      aria-label={label}
                      data-slot={slot}
                      data-day={single ? cell : undefined}
                      className={[
                        styles.slot,
                        cell === today && styles.slotToday,
                        cell === now.day && hour === now.hour && styles.slotNow,
                        skipped && styles.slotSkipped,
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      {...(skipped ? {} : dropTarget(cell, hour))}
                    >
                      {posts.length > 0 && (
                        <ul className={styles.dayPosts}>
                          {posts.map((item) => (
                            <li key={item.id}>{chip(item, { wide: single })}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
