/**
 * Calendar arithmetic on days written as `YYYY-MM-DD` in the workspace's time zone. Days are plain dates (held as
 * UTC midnights), never instants, so the browser's own time zone cannot move a post to another day; the server gives
 * each post's time already in the workspace's zone (`scheduledLocal`) and reads `2026-10-27T09:00` the same way.
 */
export type Day = string;

export type CalendarView = 'month' | 'week' | 'day' | 'list';

export const views: readonly CalendarView[] = ['month', 'week', 'day', 'list'];

function toDate(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function isDay(value: string | null): value is Day {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime());
}

export function addDays(day: Day, days: number): Day {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** The first day of the month `months` after `day`'s. */
export function addMonths(day: Day, months: number): Day {
  const date = toDate(day);
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** Weeks start on Monday (ISO 8601). */
export function startOfWeek(day: Day): Day {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The 6 weeks shown for `day`'s month, Monday first. */
export function monthGrid(day: Day): Day[] {
  const first = startOfWeek(startOfMonth(day));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

export function weekDays(day: Day): Day[] {
  const first = startOfWeek(day);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** The days a view shows, as the API's [from, to) range; the list shows every post. */
export function rangeOf(view: CalendarView, day: Day): { from?: Day; to?: Day } {
  if (view === 'month') {
    const grid = monthGrid(day);
    return { from: grid[0], to: addDays(grid[41]!, 1) };
  }
  if (view === 'week') {
    const first = startOfWeek(day);
    return { from: first, to: addDays(first, 7) };
  }
  if (view === 'day') return { from: day, to: addDays(day, 1) };
  return {};
}

/** Where the previous and next buttons go. */
export function step(view: CalendarView, day: Day, direction: 1 | -1): Day {
  if (view === 'day') return addDays(day, direction);
  return view === 'week' ? addDays(day, 7 * direction) : addMonths(day, direction);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: the hour grid asks hundreds of times a render. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function parts(now: Date, timeZone: string) {
  const values = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return values as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** Today in the workspace's time zone. */
export function today(timeZone: string, now = new Date()): Day {
  const p = parts(now, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The wall-clock time `minutes` from now in the workspace's time zone, as a datetime-local value. */
export function localTimeFromNow(timeZone: string, minutes: number, now = new Date()): string {
  const p = parts(new Date(now.getTime() + minutes * 60_000), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The next full hour in the workspace's time zone: the composer's suggestion. */
export function nextFullHour(timeZone: string, now = new Date()): string {
  const p = parts(new Date(now.getTime() + 60 * 60_000), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:00`;
}

/** `2026-10-27T09:00:00+01:00` → `2026-10-27`, the day it falls on in the workspace's zone. */
export function dayOf(scheduledLocal: string): Day {
  return scheduledLocal.slice(0, 10);
}

/** `2026-10-27T09:00:00+01:00` → `09:00`. */
export function timeOf(scheduledLocal: string): string {
  return scheduledLocal.slice(11, 16);
}

/** `2026-10-27T09:00:00+01:00` → `2026-10-27T09:00`, what a datetime-local input holds. */
export function inputValueOf(scheduledLocal: string): string {
  return scheduledLocal.slice(0, 16);
}

const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
const monthTitle = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const mediumDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });

/** "Tuesday, 27 October" */
export function formatLongDay(day: Day): string {
  return longDay.format(toDate(day));
}

/** "Tue 27" */
export function formatShortDay(day: Day): string {
  return shortDay.format(toDate(day));
}

export function formatMonth(day: Day): string {
  return monthTitle.format(toDate(day));
}

export function formatMediumDay(day: Day): string {
  return mediumDay.format(toDate(day));
}

/** Monday to Sunday, short. */
export function weekdayNames(): string[] {
  return weekDays('2026-01-05').map((day) => weekdayName.format(toDate(day)));
}

/** The title of what a view shows: "October 2026", "26 Oct 2026 – 1 Nov 2026", "All posts". */
export function viewTitle(view: CalendarView, day: Day): string {
  if (view === 'month') return formatMonth(day);
  if (view === 'week') {
    const first = startOfWeek(day);
    return `${formatMediumDay(first)} – ${formatMediumDay(addDays(first, 6))}`;
  }
  if (view === 'day') return `${formatLongDay(day)} ${day.slice(0, 4)}`;
  return 'All posts';
}

/** An instant (UTC) as the workspace reads it: "26 Nov 2026, 04:36". */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The 24 hours of a day's grid, as wall-clock `HH:00`. */
export const hours: readonly string[] = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}:00`);

/** `2026-10-27T09:30:00+01:00` → `09:00`, the hour row the post sits in. */
export function hourOf(scheduledLocal: string): string {
  return `${scheduledLocal.slice(11, 13)}:00`;
}

/** The wall-clock time `minutes` later on the same clock (`2026-10-27T23:00` + 60 → `2026-10-28T00:00`), ignoring zones. */
export function addWallMinutes(local: string, minutes: number): string {
  const date = new Date(`${local.slice(0, 16)}:00Z`);
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return date.toISOString().slice(0, 16);
}

/** The wall clock of `instant` in `timeZone`, as `2026-10-27T09:00`. */
function wallClock(instant: number, timeZone: string): string {
  const p = parts(new Date(instant), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * Whether a wall-clock time (`2027-03-28T02:30`) happens at all in `timeZone`: the hour the clocks skip when summer
 * time starts does not, and the API refuses it. Tries the zone's offsets just before and after the time.
 */
export function existsInZone(local: string, timeZone: string): boolean {
  const asUtc = Date.parse(`${local.slice(0, 16)}:00Z`);
  for (const probe of [asUtc - 12 * 3_600_000, asUtc + 12 * 3_600_000]) {
    const offset = Date.parse(`${wallClock(probe, timeZone)}:00Z`) - probe;
    if (wallClock(asUtc - offset, timeZone) === local.slice(0, 16)) return true;
  }
  return false;
}

/** The hour row that holds "now" in the workspace's zone, e.g. `{ day: '2026-10-27', hour: '09:00' }`. */
export function currentSlot(timeZone: string, now = new Date()): { day: Day; hour: string } {
  const p = parts(now, timeZone);
  return { day: `${p.year}-${p.month}-${p.day}`, hour: `${p.hour}:00` };
}
