import { describe, expect, it } from 'vitest';
import {
  dailyArrivals,
  dailyAverage,
  dailyWip,
  wipPerDay,
} from '../../../../service/src/metrics/flow/wip.ts';
import { day, prepared } from './engine.ts';
import { item } from './fixtures.ts';

const items = [
  item(1, [
    ['2026-02-25T00:00Z', 'New'],
    ['2026-03-02T10:00Z', 'Active'],
    ['2026-03-04T10:00Z', 'Closed'],
  ]),
  item(2, [
    ['2026-03-01T05:00Z', 'Active'],
    ['2026-03-03T05:00Z', 'Resolved'],
  ]),
  // Moved back the same day: not in progress at the end of the 2nd.
  item(3, [
    ['2026-03-02T01:00Z', 'Active'],
    ['2026-03-02T20:00Z', 'New'],
    ['2026-03-04T00:00Z', 'Active'],
  ]),
  // Started and finished on the same day: never in progress at a day's end.
  item(4, [
    ['2026-03-03T08:00Z', 'Active'],
    ['2026-03-03T18:00Z', 'Closed'],
  ]),
  // Latest state Removed: excluded from every metric.
  item(5, [
    ['2026-02-20T00:00Z', 'Active'],
    ['2026-03-03T00:00Z', 'Removed'],
  ]),
  // Removed, then restored: out of WIP while removed.
  item(6, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'Removed'],
    ['2026-03-04T00:00Z', 'Active'],
  ]),
];

describe('WIP per day (end of day, InProgress or Resolved)', () => {
  it('counts each day', () => {
    const { flow } = prepared(items);
    expect(wipPerDay(flow, day('2026-03-01'), day('2026-03-05'))).toEqual([
      { day: '2026-03-01', count: 2 },
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-03', count: 2 },
      { day: '2026-03-04', count: 3 },
      { day: '2026-03-05', count: 3 },
    ]);
  });

  it.each([
    { zone: 'UTC', wip: [1, 1, 0, 0] },
    // 00:30 JST on the 2nd to 23:59 JST on the 3rd.
    { zone: 'Asia/Tokyo', wip: [0, 1, 0, 0] },
  ])('day boundaries in $zone', ({ zone, wip }) => {
    const { flow } = prepared(
      [
        item(1, [
          ['2026-03-01T15:30Z', 'Active'],
          ['2026-03-03T14:59Z', 'Closed'],
        ]),
      ],
      zone,
    );
    expect(Array.from(dailyWip(flow, day('2026-03-01'), day('2026-03-04')))).toEqual(wip);
  });

  it('is empty for an empty range and zero before anything started', () => {
    const { flow } = prepared(items);
    expect(wipPerDay(flow, day('2026-03-05'), day('2026-03-04'))).toEqual([]);
    expect(Array.from(dailyWip(flow, day('2026-02-01'), day('2026-02-02')))).toEqual([0, 0]);
  });

  it.each([
    { counts: [2, 2, 2, 3, 3], average: 2.4 },
    { counts: [], average: null },
  ])('daily average of $counts is $average', ({ counts, average }) => {
    expect(dailyAverage(counts)).toBe(average);
  });
});

describe('arrival rate (first starts per day)', () => {
  it('counts first starts only', () => {
    const { at } = prepared(items);
    expect(Array.from(dailyArrivals(at('2026-03-05'), day('2026-03-01'), day('2026-03-05')))).toEqual([
      2, 2, 1, 0, 0,
    ]);
  });

  it.each([
    { zone: 'UTC', arrivals: [1, 0] },
    { zone: 'Asia/Tokyo', arrivals: [0, 1] },
  ])('day boundaries in $zone', ({ zone, arrivals }) => {
    const { at } = prepared([item(1, [['2026-03-01T15:30Z', 'Active']])], zone);
    expect(Array.from(dailyArrivals(at('2026-03-02'), day('2026-03-01'), day('2026-03-02')))).toEqual(
      arrivals,
    );
  });
});
