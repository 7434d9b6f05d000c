import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './bestTimes';

describe('nextOccurrence', () => {
  // Monday 26 October 2026, 10:30 in Berlin (09:30 UTC, after the clocks went back).
  const now = new Date('2026-10-26T09:30:00Z');

  it('finds the coming Tuesday at the suggested time in the workspace zone', () => {
    expect(nextOccurrence('tuesday', '09:00', 'Europe/Berlin', now)).toBe('2026-10-27T09:00');
  });

  it('takes later today, but a week ahead for an hour already begun', () => {
    expect(nextOccurrence('monday', '11:00', 'Europe/Berlin', now)).toBe('2026-10-26T11:00');
    expect(nextOccurrence('monday', '10:00', 'Europe/Berlin', now)).toBe('2026-11-02T10:00');
  });

  it('reads the day where the workspace is, not where the browser is', () => {
    // Still Monday in UTC, already Tuesday 10:00 in Tokyo: a Tuesday 09:00 suggestion is next week's.
    expect(nextOccurrence('tuesday', '09:00', 'Asia/Tokyo', new Date('2026-10-27T01:00:00Z'))).toBe('2026-11-03T09:00');
  });
});
