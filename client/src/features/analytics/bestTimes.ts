const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Today's date and the hour now as the wall clock reads them in `timeZone`. */
function wallClock(now: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') };
}

/**
 * The next wall-clock time in `timeZone` that falls on `day` (`tuesday`) at `time` (`09:00`), as the composer's
 * "Publish at" field takes it (`2026-10-27T09:00`); later today counts, an hour already begun does not.
 */
export function nextOccurrence(day: string, time: string, timeZone: string, now: Date = new Date()): string {
  const today = wallClock(now, timeZone);
  const start = new Date(Date.UTC(today.year, today.month - 1, today.day));
  const target = weekdays.indexOf(day.toLowerCase());
  const hour = Number(time.slice(0, 2));
  let ahead = (target - start.getUTCDay() + 7) % 7;
  if (ahead === 0 && hour <= today.hour) ahead = 7;
  const date = new Date(start.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${time}`;
}

export function dayLabel(day: string) {
  return day.charAt(0).toUpperCase() + day.slice(1).toLowerCase();
}
