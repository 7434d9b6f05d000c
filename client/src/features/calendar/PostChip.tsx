import type { DragEvent, KeyboardEvent } from 'react';
import { dayOf, formatLongDay, timeOf } from './dates';
import { platformLimits } from './limits';
import { platformShort, stateLabels } from './presentation';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

interface PostChipProps {
  item: ContentItem;
  draggable: boolean;
  showDay?: boolean;
  /** A small picture of the post's first image, when it has one. */
  thumbnail?: string | null;
  /** Room for the whole title (the day view and the list): it wraps instead of being cut. */
  wide?: boolean;
  onOpen: () => void;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
  /** The keyboard's drag: Alt and an arrow key move the post by `minutes` (an hour up or down, a day left or right). */
  onMoveBy?: (minutes: number) => void;
}

const moves: Record<string, number> = { ArrowUp: -60, ArrowDown: 60, ArrowLeft: -24 * 60, ArrowRight: 24 * 60 };

/** A post on the calendar: its time, title, state, networks and first image; it opens the post, and drags elsewhere. */
export function PostChip({ item, draggable, showDay, thumbnail, wide, onOpen, onDragStart, onDragEnd, onMoveBy }: PostChipProps) {
  const time = item.scheduledLocal ? timeOf(item.scheduledLocal) : null;
  const networks = item.variants.map((variant) => platformLimits[variant.platform].name).join(', ');
  const when = item.scheduledLocal ? `${showDay ? `${formatLongDay(dayOf(item.scheduledLocal))} ` : ''}${time}` : 'No time';
  const keyboard = draggable && !!onMoveBy;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const minutes = moves[event.key];
    if (!keyboard || !event.altKey || minutes === undefined) return;
    event.preventDefault();
    onMoveBy(minutes);
  };
  // The name is the visible text in reading order ("09:00, Spring launch, Scheduled, LinkedIn, X"): the commas and the
  // networks' full names are there for screen readers only; the grid lays the time and the state out on one line.
  return (
    <button
      type="button"
      className={[styles.chip, styles[`chip_${item.state}`], wide && styles.chipWide, thumbnail && styles.chipWithThumb]
        .filter(Boolean)
        .join(' ')}
      draggable={draggable}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      aria-keyshortcuts={keyboard ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight' : undefined}
      title={keyboard ? 'Drag it, or press Alt and an arrow key, to move it by an hour or a day' : undefined}
      data-post-id={item.id}
      data-state={item.state}
    >
      {thumbnail && <img className={styles.chipThumb} src={thumbnail} alt="" width={28} height={28} loading="lazy" />}
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
