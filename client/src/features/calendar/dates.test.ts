import { describe, expect, it } from 'vitest';
import { addWallMinutes, existsInZone, hourOf, rangeOf, step, viewTitle } from './dates';
import { centredCrop, hasShape } from './composer/crop';

describe('the hour grid’s clock arithmetic', () => {
  it('knows the hour the clocks skip when summer time starts, in the workspace’s zone only', () => {
    expect(existsInZone('2027-03-28T02:00', 'Europe/Berlin')).toBe(false);
    expect(existsInZone('2027-03-28T02:30', 'Europe/Berlin')).toBe(false);
    expect(existsInZone('2027-03-28T01:00', 'Europe/Berlin')).toBe(true);
    expect(existsInZone('2027-03-28T03:00', 'Europe/Berlin')).toBe(true);
    // New York changes two weeks earlier; the same hour exists there on Europe's day.
    expect(existsInZone('2027-03-28T02:00', 'America/New_York')).toBe(true);
    expect(existsInZone('2027-03-14T02:00', 'America/New_York')).toBe(false);
    // The repeated hour in autumn exists (twice).
    expect(existsInZone('2026-10-25T02:30', 'Europe/Berlin')).toBe(true);
    expect(existsInZone('2026-12-31T23:00', 'UTC')).toBe(true);
  });

  it('steps wall-clock times across midnight, months and years', () => {
    expect(addWallMinutes('2026-12-31T23:00', 60)).toBe('2027-01-01T00:00');
    expect(addWallMinutes('2027-03-01T00:00', -60)).toBe('2027-02-28T23:00');
    expect(addWallMinutes('2027-03-28T01:00', 60)).toBe('2027-03-28T02:00');
    expect(hourOf('2027-03-28T03:45:00+02:00')).toBe('03:00');
  });

  it('shows one day in the day view and steps a day at a time', () => {
    expect(rangeOf('day', '2026-12-31')).toEqual({ from: '2026-12-31', to: '2027-01-01' });
    expect(step('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(step('day', '2027-03-01', -1)).toBe('2027-02-28');
    expect(viewTitle('day', '2027-03-28')).toContain('2027');
  });
});

describe('cropping to a network’s shape', () => {
  it('takes the largest centred rectangle of the shape', () => {
    expect(centredCrop(600, 600, 1.91)).toEqual({ x: 0, y: 143, width: 600, height: 314 });
    expect(centredCrop(1920, 1080, 4 / 5)).toEqual({ x: 528, y: 0, width: 864, height: 1080 });
    expect(hasShape(1200, 627, 1.91)).toBe(true);
    expect(hasShape(1080, 1080, 4 / 5)).toBe(false);
  });
});
