import { describe, expect, it } from 'vitest';
import { agingZone, workItemAging } from '../../../../service/src/metrics/flow/aging.ts';
import { addDays } from '../../../../service/src/metrics/calendar.ts';
import { serviceLevelExpectation, shareWithin } from '../../../../service/src/metrics/flow/serviceLevel.ts';
import { day, prepared } from './engine.ts';
import { item } from './fixtures.ts';

/** Ten items completed on 2026-03-10 with cycle times 1..10 days. */
const completed = Array.from({ length: 10 }, (_, index) => {
  const length = index + 1;
  return item(100 + length, [
    [`${addDays('2026-03-10', 1 - length)}T01:00Z`, 'Active'],
    ['2026-03-10T12:00Z', 'Closed'],
  ]);
});

const inProgress = [
  item(1, [['2026-03-10T03:00Z', 'Active']]),
  item(2, [['2026-03-05T03:00Z', 'Active']]),
  item(3, [
    ['2026-03-01T03:00Z', 'Active'],
    ['2026-03-12T03:00Z', 'Closed'],
  ]),
  item(4, [['2026-02-20T03:00Z', 'Active']]),
  item(5, [
    ['2026-03-06T03:00Z', 'New'],
    ['2026-03-08T03:00Z', 'Resolved'],
  ]),
  // Reopened: in progress again, aged from its first start.
  item(6, [
    ['2026-03-02T03:00Z', 'Active'],
    ['2026-03-03T03:00Z', 'Closed'],
    ['2026-03-04T03:00Z', 'Active'],
  ]),
  // Not started, removed: not aging.
  item(7, [['2026-03-02T03:00Z', 'New']]),
  item(8, [
    ['2026-03-02T03:00Z', 'Active'],
    ['2026-03-09T03:00Z', 'Removed'],
  ]),
];

describe('work item aging', () => {
  const { flow, at } = prepared([...completed, ...inProgress]);
  const result = workItemAging(flow, at('2026-03-10'), day('2026-03-10'), 10, [50, 70, 85, 95]);

  it('sets lines from the lookback window (P50 5, P70 7, P85 9, P95 10)', () => {
    expect(result.lookback).toEqual({ fromDay: '2026-03-01', toDay: '2026-03-10', completedItems: 10 });
    expect(result.percentiles.map((line) => line.days)).toEqual([5, 7, 9, 10]);
  });

  it.each([
    { id: 4, age: 19, state: 'Active', pacePassed: 95, within: null },
    { id: 3, age: 10, state: 'Active', pacePassed: 85, within: 95 },
    { id: 6, age: 9, state: 'Active', pacePassed: 70, within: 85 },
    { id: 2, age: 6, state: 'Active', pacePassed: 50, within: 70 },
    { id: 5, age: 3, state: 'Resolved', pacePassed: null, within: 50 },
    { id: 1, age: 1, state: 'Active', pacePassed: null, within: 50 },
  ])('item $id: age $age, passed P$pacePassed, within P$within', ({ id, age, state, pacePassed, within }) => {
    const entry = result.items.find((candidate) => candidate.id === id);
    expect(entry).toMatchObject({ ageDays: age, state, pacePassed, within });
  });

  it('lists only items in progress at the basis day, oldest first', () => {
    expect(result.items.map((entry) => entry.id)).toEqual([4, 3, 6, 2, 5, 1]);
  });

  it('replays an earlier basis day: as of 2026-03-04 later completions are still in progress', () => {
    const earlier = workItemAging(flow, at('2026-03-04'), day('2026-03-04'), 10, [50]);
    expect(earlier.items.map((entry) => [entry.id, entry.ageDays])).toEqual([
      [4, 13],
      [3, 4],
      [110, 4],
      [6, 3],
      [109, 3],
      [108, 2],
      [107, 1],
    ]);
    expect(earlier.lookback.completedItems).toBe(0);
    expect(earlier.percentiles).toEqual([{ percentile: 50, days: null }]);
  });

  it.each([
    { age: 5, lines: [{ percentile: 50, days: 5 }], zone: { pacePassed: null, within: 50 } },
    { age: 6, lines: [{ percentile: 50, days: 5 }], zone: { pacePassed: 50, within: null } },
    { age: 6, lines: [{ percentile: 50, days: null }], zone: { pacePassed: null, within: null } },
  ])('agingZone($age)', ({ age, lines, zone }) => {
    expect(agingZone(age, lines)).toEqual(zone);
  });
});

describe('service level expectation', () => {
  const sample = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

  it.each([
    { p: 85, days: 9 },
    { p: 50, days: 5 },
    { p: 95, days: 10 },
    { p: 91, days: 10 },
    { p: 90, days: 9 },
  ])('$p% within $days days', ({ p, days }) => {
    expect(serviceLevelExpectation(sample, p)).toEqual({ percentile: p, days, sampleSize: 10 });
  });

  it('has no N without items', () => {
    expect(serviceLevelExpectation([], 85)).toEqual({ percentile: 85, days: null, sampleSize: 0 });
  });

  it.each([
    { days: 5, share: 0.5 },
    { days: 0, share: 0 },
    { days: 10, share: 1 },
  ])('share within $days days is $share', ({ days, share }) => {
    expect(shareWithin(sample, days)).toBe(share);
  });

  it('share of nothing is null', () => {
    expect(shareWithin([], 3)).toBeNull();
  });
});
