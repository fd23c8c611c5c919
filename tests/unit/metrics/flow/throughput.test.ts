import { describe, expect, it } from 'vitest';
import {
  dailyThroughput,
  dayOfWeek,
  sprintTotals,
  throughputPerDay,
  weeklyTotals,
} from '../../../../service/src/metrics/flow/throughput.ts';
import { day, prepared } from './engine.ts';
import { item } from './fixtures.ts';

const items = [
  item(1, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T10:00Z', 'Closed'],
  ]),
  item(2, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T23:59Z', 'Closed'],
  ]),
  item(3, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-05T12:00Z', 'Closed'],
  ]),
  // Skipped start: counted in throughput.
  item(4, [
    ['2026-03-01T00:00Z', 'New'],
    ['2026-03-07T12:00Z', 'Closed'],
  ]),
  // Reopened and not re-completed by the range end: not counted.
  item(5, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-03T12:00Z', 'Closed'],
    ['2026-03-04T12:00Z', 'Active'],
  ]),
  // After the range.
  item(6, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-08T00:00Z', 'Closed'],
  ]),
  // Removed after completing: excluded.
  item(7, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-04T00:00Z', 'Closed'],
    ['2026-03-04T01:00Z', 'Removed'],
  ]),
];

describe('daily throughput', () => {
  it.each([
    { zone: 'UTC', daily: [0, 2, 0, 0, 1, 0, 1] },
    // Item 2 closes at 08:59 JST on the 3rd; item 3 at 21:00 JST on the 5th; item 4 at 21:00 on the 7th.
    { zone: 'Asia/Tokyo', daily: [0, 1, 1, 0, 1, 0, 1] },
  ])('in $zone: $daily', ({ zone, daily }) => {
    const { at } = prepared(items, zone);
    expect(Array.from(dailyThroughput(at('2026-03-07'), day('2026-03-01'), day('2026-03-07')))).toEqual(
      daily,
    );
  });

  it('labels days and gives nothing for an empty range', () => {
    const { at } = prepared(items);
    expect(throughputPerDay(at('2026-03-02'), day('2026-03-02'), day('2026-03-02'))).toEqual([
      { day: '2026-03-02', count: 2 },
    ]);
    expect(throughputPerDay(at('2026-03-02'), day('2026-03-03'), day('2026-03-02'))).toEqual([]);
  });

  it('evaluates completions as of the snapshot: item 5 counts on the 3rd when the range ends then', () => {
    const { at } = prepared(items);
    expect(Array.from(dailyThroughput(at('2026-03-03'), day('2026-03-01'), day('2026-03-03')))).toEqual([
      0, 2, 1,
    ]);
  });
});

describe('weekly and sprint totals', () => {
  const daily = [0, 2, 0, 0, 1, 0, 1, 3, 0, 0];
  const first = day('2026-03-01'); // a Sunday

  it.each([
    { date: '1970-01-01', weekday: 4 },
    { date: '2026-03-01', weekday: 0 },
    { date: '2026-03-02', weekday: 1 },
    { date: '1969-12-31', weekday: 3 },
  ])('$date is weekday $weekday', ({ date, weekday }) => {
    expect(dayOfWeek(day(date))).toBe(weekday);
  });

  it('sums Monday weeks, cutting the first and last at the series ends', () => {
    expect(weeklyTotals(daily, first, 1)).toEqual([
      { weekStart: '2026-02-23', fromDay: '2026-03-01', toDay: '2026-03-01', days: 1, count: 0 },
      { weekStart: '2026-03-02', fromDay: '2026-03-02', toDay: '2026-03-08', days: 7, count: 7 },
      { weekStart: '2026-03-09', fromDay: '2026-03-09', toDay: '2026-03-10', days: 2, count: 0 },
    ]);
  });

  it('sums Sunday weeks', () => {
    expect(weeklyTotals(daily, first, 0).map((week) => [week.weekStart, week.count])).toEqual([
      ['2026-03-01', 4],
      ['2026-03-08', 3],
    ]);
  });

  it('sums sprints over the days inside the series', () => {
    expect(
      sprintTotals(daily, first, [
        { name: 'Sprint 1', startDay: '2026-02-25', finishDay: '2026-03-03' },
        { name: 'Sprint 2', startDay: '2026-03-04', finishDay: '2026-03-17' },
        { name: 'Sprint 0', startDay: '2026-01-01', finishDay: '2026-01-14' },
      ]),
    ).toEqual([
      { name: 'Sprint 1', fromDay: '2026-03-01', toDay: '2026-03-03', days: 3, count: 2 },
      { name: 'Sprint 2', fromDay: '2026-03-04', toDay: '2026-03-10', days: 7, count: 5 },
      { name: 'Sprint 0', fromDay: '2026-01-01', toDay: '2026-01-01', days: 0, count: 0 },
    ]);
  });

  it('gives no weeks for an empty series', () => {
    expect(weeklyTotals([], first)).toEqual([]);
  });
});
