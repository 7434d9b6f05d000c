import { Button } from '../../../components/Button';
import { step, views, type CalendarView, type Day } from '../dates';
import { platformLimits, platforms, type Platform } from '../limits';
import { stateLabels, states } from '../presentation';
import styles from '../calendar.module.css';
import type { ContentState } from '../types';

const viewLabels: Record<CalendarView, string> = { month: 'Month', week: 'Week', day: 'Day', list: 'List' };
const stepNames: Record<CalendarView, string> = { month: 'month', week: 'week', day: 'day', list: '' };

interface CalendarToolbarProps {
  view: CalendarView;
  day: Day;
  today: Day;
  platform?: Platform;
  state?: ContentState;
  /** Changes the address: the view, the date and the filters live there. */
  update: (changes: Record<string, string | undefined>) => void;
}

/** The view switch, the previous / today / next buttons and the network and state filters. */
export function CalendarToolbar({ view, day, today, platform, state, update }: CalendarToolbarProps) {
  return (
    <div className={styles.toolbar}>
      <fieldset className={`segmented ${styles.viewSwitch}`}>
        <legend className="visually-hidden">View</legend>
        {views.map((candidate) => (
          <label key={candidate}>
            <input
              type="radio"
              name="calendar-view"
              value={candidate}
              checked={candidate === view}
              onChange={() => update({ view: candidate })}
            />
            <span>{viewLabels[candidate]}</span>
          </label>
        ))}
      </fieldset>
      {view !== 'list' && (
        <div className={styles.dateNav}>
          <Button
            size="sm"
            icon="chevronLeft"
            aria-label={`Previous ${stepNames[view]}`}
            onClick={() => update({ date: step(view, day, -1) })}
          />
          <Button size="sm" onClick={() => update({ date: today })}>
            Today
          </Button>
          <Button
            size="sm"
            icon="chevronRight"
            aria-label={`Next ${stepNames[view]}`}
            onClick={() => update({ date: step(view, day, 1) })}
          />
        </div>
      )}
      <div className={styles.filters}>
        <label className="visually-hidden" htmlFor="calendar-network">
          Network
        </label>
        <select
          id="calendar-network"
          className="select select--sm"
          value={platform ?? ''}
          onChange={(event) => update({ network: event.target.value || undefined })}
        >
          <option value="">All networks</option>
          {platforms.map((candidate) => (
            <option key={candidate} value={candidate}>
              {platformLimits[candidate].name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="calendar-state">
          State
        </label>
        <select
          id="calendar-state"
          className="select select--sm"
          value={state ?? ''}
          onChange={(event) => update({ state: event.target.value || undefined })}
        >
          <option value="">All states</option>
          {states.map((candidate) => (
            <option key={candidate} value={candidate}>
              {stateLabels[candidate]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
