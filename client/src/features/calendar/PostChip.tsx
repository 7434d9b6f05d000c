import type { DragEvent } from 'react';
import { dayOf, formatLongDay, timeOf } from './dates';
import { platformLimits } from './limits';
import { platformShort, stateLabels } from './presentation';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

interface PostChipProps {
  item: ContentItem;
  draggable: boolean;
  showDay?: boolean;
  onOpen: () => void;
  onDragStart: (event: DragEvent<HTMLButtonElement>) => void;
  onDragEnd: () => void;
}

/** A post on the calendar: its time, title, state and networks; it opens the post, and drags to another day. */
export function PostChip({ item, draggable, showDay, onOpen, onDragStart, onDragEnd }: PostChipProps) {
  const time = item.scheduledLocal ? timeOf(item.scheduledLocal) : null;
  const networks = item.variants.map((variant) => platformLimits[variant.platform].name).join(', ');
  const when = item.scheduledLocal ? `${showDay ? `${formatLongDay(dayOf(item.scheduledLocal))} ` : ''}${time}` : 'No time';
  // The name is the visible text in reading order ("09:00, Spring launch, Scheduled, LinkedIn, X"): the commas and the
  // networks' full names are there for screen readers only; the grid lays the time and the state out on one line.
  return (
    <button
      type="button"
      className={`${styles.chip} ${styles[`chip_${item.state}`] ?? ''}`}
      draggable={draggable}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={onOpen}
      data-post-id={item.id}
      data-state={item.state}
    >
      <span className={styles.chipTime}>
        {when}
        <span className="visually-hidden">, </span>
      </span>
      <span className={styles.chipTitle}>
        {item.title}
        <span className="visually-hidden">, </span>
      </span>
      <span className={styles.chipState}>{stateLabels[item.state]}</span>
      <span className="visually-hidden">, {networks}</span>
      <span className={styles.chipNetworks} aria-hidden="true">
        {item.variants.map((variant) => (
          <span
            key={variant.platform}
            className={styles[`net_${variant.platform}`]}
            title={platformLimits[variant.platform].name}
          >
            {platformShort[variant.platform]}
          </span>
        ))}
      </span>
    </button>
  );
}
