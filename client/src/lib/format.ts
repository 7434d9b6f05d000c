const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * The workspace's time zone, in which every date and time is shown (set by the app shell from the workspace
 * settings); the browser's own zone until it is known or when it is not one the browser knows.
 */
let displayZone: string | undefined;
const formats = new Map<string, Intl.DateTimeFormat>();

export function setDisplayTimeZone(zone: string | undefined) {
  displayZone = zone && isKnownZone(zone) ? zone : undefined;
}

export function displayTimeZone(): string {
  return displayZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function isKnownZone(zone: string) {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function format(style: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${style}|${displayZone ?? ''}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
      ...(displayZone ? { timeZone: displayZone } : {}),
    });
    formats.set(key, made);
  }
  return made;
}

const utcDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A day: an instant in the workspace's zone; a plain date ("2026-12-28") as the day it names, in any zone. */
export function formatDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return utcDate.format(new Date(`${iso}T00:00:00Z`));
  return format('date').format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return format('dateTime').format(new Date(iso));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "in 2 days"; "just now" under a minute. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** The host of a web address, for showing links compactly. */
export function displayHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
