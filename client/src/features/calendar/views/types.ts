import type { ReactNode } from 'react';
import type { Day } from '../dates';
import type { ContentItem } from '../types';

export interface ChipOptions {
  showDay?: boolean;
  wide?: boolean;
}

/** What every view gets from the calendar: the posts, how to draw one, and where a dropped post goes. */
export interface ViewProps {
  items: ContentItem[];
  day: Day;
  today: Day;
  timeZone: string;
  chip: (item: ContentItem, options?: ChipOptions) => ReactNode;
  /** Drop-target props for a day (the post keeps its time of day) or, with `hour`, an hour slot (it goes at that hour). */
  dropTarget: (day: Day, hour?: string) => object;
}

/** Posts with a time, by the day they fall on in the workspace's zone, each day's in time order. */
export function postsByDay(items: ContentItem[]): Map<Day, ContentItem[]> {
  const byDay = new Map<Day, ContentItem[]>();
  for (const item of items) {
    if (!item.scheduledLocal) continue;
    const key = item.scheduledLocal.slice(0, 10);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.scheduledLocal!.localeCompare(b.scheduledLocal!));
  return byDay;
}
