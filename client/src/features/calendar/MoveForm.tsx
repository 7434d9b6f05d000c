import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/Fields';
import { inputValueOf, nextFullHour } from './dates';
import styles from './calendar.module.css';
import type { ContentItem } from './types';

interface MoveFormProps {
  item: ContentItem;
  timeZone: string;
  /** Moves (or schedules) the post to a wall-clock time in the workspace's zone: `2026-10-27T09:00`. */
  onMove: (at: string) => void;
}

/** The keyboard's way to move a post (or give a draft its planned time): a date and time in the workspace's zone. */
export function MoveForm({ item, timeZone, onMove }: MoveFormProps) {
  const [at, setAt] = useState(item.scheduledLocal ? inputValueOf(item.scheduledLocal) : nextFullHour(timeZone));
  const moveSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (at) onMove(at);
  };
  return (
    <form className={styles.moveForm} onSubmit={moveSubmit} aria-label="Move to">
      <TextField
        label={item.state === 'draft' ? `Planned time (${timeZone})` : `Move to (${timeZone})`}
        type="datetime-local"
        value={at}
        onChange={(event) => setAt(event.target.value)}
        required
      />
      <Button type="submit" disabled={!at}>
        {item.state === 'draft' ? 'Set time' : item.state === 'scheduled' ? 'Move' : 'Schedule'}
      </Button>
    </form>
  );
}
