import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useAssets } from '../assets/api';
import { hasRole, useSession } from '../auth/useSession';
import { useContent, useContentSettings, useMovePost } from './api';
import { Composer } from './Composer';
import {
  addWallMinutes,
  dayOf,
  existsInZone,
  formatLongDay,
  hourOf,
  inputValueOf,
  isDay,
  rangeOf,
  timeOf,
  today,
  viewTitle,
  views,
  weekDays,
  type CalendarView,
  type Day,
} from './dates';
import { platforms, type Platform } from './limits';
import { PostChip } from './PostChip';
import { PostDialog } from './PostDialog';
import { canMove, states } from './presentation';
import { CalendarToolbar } from './views/CalendarToolbar';
import { HourGrid } from './views/HourGrid';
import { ListView } from './views/ListView';
import { MonthView } from './views/MonthView';
import type { ChipOptions, ViewProps } from './views/types';
import { useDragPosts } from './views/useDragPosts';
import styles from './calendar.module.css';
import type { ContentItem, ContentState } from './types';

/** Phones open on one day, where every post has room for its title; wider screens on the month. */
function defaultView(): CalendarView {
  return typeof window !== 'undefined' && window.matchMedia?.('(max-width: 640px)').matches ? 'day' : 'month';
}

/**
 * The content calendar: month, week (an hour grid), day and list views of the workspace's posts, in its time zone,
 * with the view and the date in the address (so a link or a reload shows the same). Posts are dragged to another day
 * or hour, moved with Alt and the arrow keys (or from their details), cancelled, or published now.
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
  const canWrite = hasRole(useSession(), 'editor');
  const current = today(timeZone);
  const asked = params.get('view') as CalendarView;
  const view: CalendarView = views.includes(asked) ? asked : defaultView();
  const dateParam = params.get('date');
  const day: Day = isDay(dateParam) ? dateParam : current;
  const platform = platforms.includes(params.get('network') as Platform) ? (params.get('network') as Platform) : undefined;
  const state = states.includes(params.get('state') as ContentState) ? (params.get('state') as ContentState) : undefined;

  const content = useContent({ ...rangeOf(view, day), state, platform });
  const assets = useAssets({ type: 'image', pageSize: 100 });
  const move = useMovePost();
  const [moveError, setMoveError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [composing, setComposing] = useState<{ item?: ContentItem; at?: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const items = content.data?.items ?? [];
  const opened = items.find((item) => item.id === openId) ?? null;
  const drag = useDragPosts(items, canWrite);
  const thumbnails = new Map((assets.data?.items ?? []).map((asset) => [asset.id, asset.thumbnailUrl ?? null]));

  const update = (changes: Record<string, string | undefined>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  /** Moves a post to a wall-clock time in the workspace's zone (`2026-10-27T09:00`); `refocus` keeps the keyboard on it. */
  const moveTo = (item: ContentItem, at: string, refocus = false) => {
    setMoveError(null);
    move.mutate(
      { item, at },
      {
        onSuccess: () => {
          setAnnouncement(`“${item.title}” moved to ${formatLongDay(dayOf(at))}, ${timeOf(`${at}:00`)}.`);
          // The post is drawn in its new place by now: the focus follows it there.
          if (refocus) setTimeout(() => document.querySelector<HTMLElement>(`[data-post-id="${item.id}"]`)?.focus(), 0);
        },
        onError: (error) => setMoveError(`“${item.title}” could not be moved: ${errorMessage(error)}`),
      },
    );
  };

  const moveBy = (item: ContentItem, minutes: number) => {
    if (!item.scheduledLocal) return;
    let at = addWallMinutes(inputValueOf(item.scheduledLocal), minutes);
    // The hour the clocks skip does not exist: a step lands on the next one that does.
    if (!existsInZone(at, timeZone)) at = addWallMinutes(at, Math.sign(minutes) * 60);
    moveTo(item, at, true);
  };

  const dropTarget = (target: Day, hour?: string) =>
    drag.dropProps((item) => {
      if (!item.scheduledLocal || !canMove(item)) return;
      const at = hour ? `${target}T${hour}` : `${target}T${timeOf(item.scheduledLocal)}`;
      const sameDay = dayOf(item.scheduledLocal) === target;
      if (sameDay && (!hour || hourOf(item.scheduledLocal) === hour)) return;
      moveTo(item, at);
    });

  const chip = (item: ContentItem, options: ChipOptions = {}) => {
    const firstImage = item.variants.flatMap((variant) => variant.mediaAssetIds ?? []).find((id) => thumbnails.get(id));
    const movable = canWrite && canMove(item);
    return (
      <PostChip
        key={item.id}
        item={item}
        showDay={options.showDay}
        wide={options.wide}
        thumbnail={firstImage ? thumbnails.get(firstImage) : null}
        draggable={movable}
        onOpen={() => setOpenId(item.id)}
        onMoveBy={movable && item.scheduledLocal ? (minutes) => moveBy(item, minutes) : undefined}
        {...drag.chipProps(item)}
      />
    );
  };

  const viewProps: ViewProps = { items, day, today: current, timeZone, chip, dropTarget };

  return (
    <div className="stack">
      <PageHeader
        title="Calendar"
        description={`Your posts by day, in the workspace’s time zone (${timeZone}).`}
        actions={
          canWrite && (
            <>
              <ButtonLink to="/app/calendar/import" variant="secondary" icon="upload">
                Import CSV
              </ButtonLink>
              <Button variant="primary" icon="plus" onClick={() => setComposing({})}>
                New post
              </Button>
            </>
          )
        }
      />
      <CalendarToolbar view={view} day={day} today={current} platform={platform} state={state} update={update} />
      <h2 className={styles.viewTitle} aria-live="polite">
        {viewTitle(view, day)}
      </h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {canWrite && (view === 'week' || view === 'day') && (
        <p className={`muted small ${styles.gridHint}`}>Drag a post to an hour, or focus it and press Alt with an arrow key.</p>
      )}

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
        <MonthView {...viewProps} />
      ) : view === 'week' ? (
        <HourGrid {...viewProps} days={weekDays(day)} onOpenDay={(target) => update({ view: 'day', date: target })} />
      ) : view === 'day' ? (
        <HourGrid {...viewProps} days={[day]} />
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
