import { useRef, useState, type DragEvent } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { hasRole, useSession } from '../auth/useSession';
import { useContent, useContentSettings, useMovePost } from './api';
import { Composer } from './Composer';
import {
  dayOf,
  formatLongDay,
  formatShortDay,
  isDay,
  monthGrid,
  rangeOf,
  step,
  timeOf,
  today,
  viewTitle,
  views,
  weekDays,
  weekdayNames,
  type CalendarView,
  type Day,
} from './dates';
import { platformLimits, platforms, type Platform } from './limits';
import { PostChip } from './PostChip';
import { PostDialog } from './PostDialog';
import { stateLabels, states, canMove } from './presentation';
import styles from './calendar.module.css';
import type { ContentItem, ContentState } from './types';

const viewLabels: Record<CalendarView, string> = { month: 'Month', week: 'Week', list: 'List' };

/** The drag's payload type: only posts dragged from this calendar can be dropped on its days. */
const dragType = 'application/x-brandauto-post';

/**
 * The content calendar: month, week and list views of the workspace's posts, in its time zone, with the view and the
 * date in the address (so a link or a reload shows the same). Posts are dragged to another day (or moved with the
 * keyboard from their details), cancelled, or published now.
 */
export default function CalendarPage() {
  const settings = useContentSettings();
  if (settings.isPending) return <LoadingState label="Loading the calendar" rows={6} />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />;
  }
  return <Calendar timeZone={settings.data.timeZone} approvalRequired={settings.data.approvalRequired} />;
}

function Calendar({ timeZone, approvalRequired }: { timeZone: string; approvalRequired: boolean }) {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const canWrite = hasRole(session, 'editor');
  const current = today(timeZone);
  const view: CalendarView = views.includes(params.get('view') as CalendarView) ? (params.get('view') as CalendarView) : 'month';
  const dateParam = params.get('date');
  const day: Day = isDay(dateParam) ? dateParam : current;
  const platform = platforms.includes(params.get('network') as Platform) ? (params.get('network') as Platform) : undefined;
  const state = states.includes(params.get('state') as ContentState) ? (params.get('state') as ContentState) : undefined;

  const content = useContent({ ...rangeOf(view, day), state, platform });
  const move = useMovePost();
  const [moveError, setMoveError] = useState<string | null>(null);
  const [composing, setComposing] = useState<{ item?: ContentItem; at?: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const dragged = useRef<string | null>(null);

  const items = content.data?.items ?? [];
  const opened = items.find((item) => item.id === openId) ?? null;

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: false },
    );

  /** Moves a post to `targetDay` at the same time of day, in the workspace's time zone. */
  const moveTo = (item: ContentItem, at: string) => {
    setMoveError(null);
    move.mutate({ item, at }, { onError: (error) => setMoveError(`“${item.title}” could not be moved: ${errorMessage(error)}`) });
  };

  const onDrop = (event: DragEvent<HTMLElement>, targetDay: Day) => {
    event.preventDefault();
    const id = event.dataTransfer?.getData(dragType) || dragged.current;
    dragged.current = null;
    const item = items.find((candidate) => candidate.id === id);
    if (!item?.scheduledLocal || !canMove(item) || dayOf(item.scheduledLocal) === targetDay) return;
    moveTo(item, `${targetDay}T${timeOf(item.scheduledLocal)}`);
  };

  const dayProps = (target: Day) =>
    canWrite
      ? {
          onDragOver: (event: DragEvent<HTMLElement>) => {
            if (dragged.current || event.dataTransfer?.types.includes(dragType)) {
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
            }
          },
          onDrop: (event: DragEvent<HTMLElement>) => onDrop(event, target),
        }
      : {};

  const chip = (item: ContentItem, showDay = false) => (
    <PostChip
      key={item.id}
      item={item}
      showDay={showDay}
      draggable={canWrite && canMove(item)}
      onOpen={() => setOpenId(item.id)}
      onDragStart={(event) => {
        dragged.current = item.id;
        event.dataTransfer?.setData(dragType, item.id);
        event.dataTransfer?.setData('text/plain', item.title);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={() => {
        dragged.current = null;
      }}
    />
  );

  const byDay = new Map<Day, ContentItem[]>();
  for (const item of items) {
    if (!item.scheduledLocal) continue;
    const key = dayOf(item.scheduledLocal);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.scheduledLocal!.localeCompare(b.scheduledLocal!));

  return (
    <div className="stack">
      <PageHeader
        title="Calendar"
        description={`Your posts by day, in the workspace’s time zone (${timeZone}).`}
        actions={
          canWrite && (
            <Button variant="primary" icon="plus" onClick={() => setComposing({})}>
              New post
            </Button>
          )
        }
      />

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
              aria-label={`Previous ${view}`}
              onClick={() => update({ date: step(view, day, -1) })}
            />
            <Button size="sm" onClick={() => update({ date: current })}>
              Today
            </Button>
            <Button
              size="sm"
              icon="chevronRight"
              aria-label={`Next ${view}`}
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

      <h2 className={styles.viewTitle} aria-live="polite">
        {viewTitle(view, day)}
      </h2>

      {moveError && (
        <div className={styles.moveError}>
          <Alert tone="error">{moveError}</Alert>
          <Button size="sm" variant="ghost" onClick={() => setMoveError(null)}>
            Dismiss
          </Button>
        </div>
      )}

      {content.isPending ? (
        <LoadingState label="Loading posts" rows={6} />
      ) : content.isError ? (
        <ErrorState error={content.error} onRetry={() => void content.refetch()} retrying={content.isFetching} />
      ) : view === 'month' ? (
        <div className={styles.month}>
          <div className={styles.weekdays} aria-hidden="true">
            {weekdayNames().map((name) => (
              <span key={name}>{name}</span>
            ))}
          </div>
          <ol className={styles.monthGrid} aria-label={viewTitle(view, day)}>
            {monthGrid(day).map((cell) => {
              const posts = byDay.get(cell) ?? [];
              const outside = cell.slice(0, 7) !== day.slice(0, 7);
              return (
                <li
                  key={cell}
                  aria-label={formatLongDay(cell)}
                  data-day={cell}
                  className={[styles.day, outside && styles.dayOutside, cell === current && styles.dayToday]
                    .filter(Boolean)
                    .join(' ')}
                  {...dayProps(cell)}
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
      ) : view === 'week' ? (
        <ol className={styles.week} aria-label={viewTitle(view, day)}>
          {weekDays(day).map((cell) => {
            const posts = byDay.get(cell) ?? [];
            return (
              <li
                key={cell}
                aria-label={formatLongDay(cell)}
                data-day={cell}
                className={[styles.weekDay, cell === current && styles.dayToday].filter(Boolean).join(' ')}
                {...dayProps(cell)}
              >
                <span className={styles.weekDayName} aria-hidden="true">
                  {formatShortDay(cell)}
                </span>
                {posts.length > 0 ? (
                  <ul className={styles.dayPosts}>
                    {posts.map((item) => (
                      <li key={item.id}>{chip(item)}</li>
                    ))}
                  </ul>
                ) : (
                  <span className={styles.nothing}>No posts</span>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <ListView items={items} chip={chip} onNew={canWrite ? () => setComposing({}) : undefined} />
      )}

      {composing && (
        <Composer
          open
          onClose={() => setComposing(null)}
          item={composing.item}
          defaultAt={composing.at}
          timeZone={timeZone}
          approvalRequired={approvalRequired}
        />
      )}
      {opened && (
        <PostDialog
          item={opened}
          timeZone={timeZone}
          approvalRequired={approvalRequired}
          onClose={() => setOpenId(null)}
          onEdit={() => {
            setOpenId(null);
            setComposing({ item: opened });
          }}
          onMove={(at) => {
            setOpenId(null);
            moveTo(opened, at);
          }}
        />
      )}
    </div>
  );
}

function ListView({
  items,
  chip,
  onNew,
}: {
  items: ContentItem[];
  chip: (item: ContentItem, showDay?: boolean) => React.ReactNode;
  onNew?: () => void;
}) {
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
              <li key={item.id}>{chip(item)}</li>
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
              <li key={item.id}>{chip(item)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
