import { z } from 'zod';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayNames: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export const repeatSchema = z.object({
  on: z.boolean(),
  frequency: z.enum(['weekly', 'monthly']),
  interval: z.string(),
  weekdays: z.array(z.enum(weekdays)),
  monthly: z.enum(['day', 'weekday', 'lastWeekday']),
  ends: z.enum(['count', 'until']),
  count: z.string(),
  until: z.string(),
});

export type RepeatValues = z.infer<typeof repeatSchema>;

export const noRepeat: RepeatValues = {
  on: false,
  frequency: 'weekly',
  interval: '1',
  weekdays: [],
  monthly: 'day',
  ends: 'count',
  count: '8',
  until: '',
};

/** The weekday of a `YYYY-MM-DDTHH:mm` wall-clock time (the date alone decides it, in any zone). */
export function weekdayOf(local: string): Weekday {
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return weekdays[(day + 6) % 7]!;
}

/** Problems of a repeat rule, by field, in words; none when the post does not repeat. */
export function repeatIssues(repeat: RepeatValues, at: string): { path: string; message: string }[] {
  if (!repeat.on) return [];
  const issues: { path: string; message: string }[] = [];
  if (!at) issues.push({ path: 'at', message: 'Choose the day and time of the first post.' });
  const interval = Number(repeat.interval);
  if (!/^\d+$/.test(repeat.interval) || interval < 1 || interval > 52)
    issues.push({ path: 'repeat.interval', message: 'Repeat every 1 to 52 weeks or months.' });
  if (repeat.frequency === 'weekly' && repeat.weekdays.length === 0)
    issues.push({ path: 'repeat.weekdays', message: 'Choose the days of the week to post on.' });
  if (repeat.ends === 'count') {
    const count = Number(repeat.count);
    if (!/^\d+$/.test(repeat.count) || count < 1 || count > 366)
      issues.push({ path: 'repeat.count', message: 'A series has 1 to 366 posts.' });
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(repeat.until)) {
    issues.push({ path: 'repeat.until', message: 'Choose the last day of the series.' });
  } else if (at && repeat.until < at.slice(0, 10)) {
    issues.push({ path: 'repeat.until', message: 'The last day comes before the first post.' });
  }
  return issues;
}

/** The rule as the API takes it: a monthly rule takes its day from the first post's date. */
export function toRepeatRequest(repeat: RepeatValues, at: string) {
  const dayOfMonth = Number(at.slice(8, 10));
  const monthly = repeat.frequency === 'monthly';
  return {
    frequency: repeat.frequency,
    interval: Number(repeat.interval),
    weekdays: monthly ? (repeat.monthly === 'day' ? [] : [weekdayOf(at)]) : repeat.weekdays,
    monthDay: monthly && repeat.monthly === 'day' ? dayOfMonth : null,
    weekOfMonth: monthly && repeat.monthly !== 'day' ? (repeat.monthly === 'lastWeekday' ? -1 : Math.ceil(dayOfMonth / 7)) : null,
    count: repeat.ends === 'count' ? Number(repeat.count) : null,
    until: repeat.ends === 'until' ? repeat.until : null,
  } as const;
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];

/** "On the second Tuesday" for the first post's date. */
export function nthWeekdayLabel(at: string): string {
  const day = Number(at.slice(8, 10));
  return `On the ${ordinals[Math.ceil(day / 7) - 1] ?? 'last'} ${weekdayNames[weekdayOf(at)]}`;
}
