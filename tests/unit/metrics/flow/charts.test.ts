import { describe, expect, it } from 'vitest';
import { cycleTimeHistogram } from '../../../../service/src/metrics/flow/histogram.ts';
import {
  movingAverageBand,
  movingAverageWindow,
} from '../../../../service/src/metrics/flow/movingAverage.ts';
import { day } from './engine.ts';

describe('cycle-time histogram', () => {
  it.each([
    {
      days: [3, 1, 3, 5],
      bins: [
        { days: 1, count: 1 },
        { days: 2, count: 0 },
        { days: 3, count: 2 },
        { days: 4, count: 0 },
        { days: 5, count: 1 },
      ],
    },
    { days: [1], bins: [{ days: 1, count: 1 }] },
    { days: [], bins: [] },
  ])('$days', ({ days, bins }) => {
    expect(cycleTimeHistogram(days)).toEqual(bins);
  });
});

describe('moving average window (20% of days shown, rounded down to odd)', () => {
  it.each([
    { shown: 30, n: 5 },
    { shown: 35, n: 7 },
    { shown: 40, n: 7 },
    { shown: 25, n: 5 },
    { shown: 15, n: 3 },
    { shown: 10, n: 1 },
    { shown: 5, n: 1 },
    { shown: 4, n: 0 },
    { shown: 1, n: 0 },
    { shown: 90, n: 17 },
    { shown: 180, n: 35 },
  ])('$shown days → N = $n', ({ shown, n }) => {
    expect(movingAverageWindow(shown)).toBe(n);
  });
});

describe('moving average band', () => {
  const april = [day('2026-04-01'), day('2026-04-30')] as const;
  const points = [
    { day: day('2026-04-05'), value: 2 },
    { day: day('2026-04-10'), value: 4 },
    { day: day('2026-04-10'), value: 6 },
  ];
  const band = movingAverageBand(points, ...april);
  const on = (date: string) => band.find((entry) => entry.day === date);

  it('has one entry per day shown', () => {
    expect(band).toHaveLength(30);
    expect(band[0]?.day).toBe('2026-04-01');
  });

  it.each([
    { date: '2026-04-04', points: 0, average: null, standardDeviation: null },
    { date: '2026-04-05', points: 1, average: 2, standardDeviation: 0 },
    // April 10 uses April 5–10: 2, 4, 6.
    { date: '2026-04-10', points: 3, average: 4, standardDeviation: Math.sqrt(8 / 3) },
    { date: '2026-04-11', points: 2, average: 5, standardDeviation: 1 },
    { date: '2026-04-15', points: 2, average: 5, standardDeviation: 1 },
    { date: '2026-04-16', points: 0, average: null, standardDeviation: null },
  ])('$date: $points points, average $average', ({ date, points: count, average, standardDeviation }) => {
    const entry = on(date);
    expect(entry?.points).toBe(count);
    expect(entry?.average).toBe(average);
    if (standardDeviation === null) expect(entry?.standardDeviation).toBeNull();
    else expect(entry?.standardDeviation).toBeCloseTo(standardDeviation, 12);
  });

  it('uses points before the first day shown when given', () => {
    const early = movingAverageBand([{ day: day('2026-03-28'), value: 7 }], ...april);
    expect(on('2026-04-01')?.points).toBe(0);
    expect(early[0]).toEqual({ day: '2026-04-01', points: 1, average: 7, standardDeviation: 0 });
    expect(early[2]?.points).toBe(0);
  });

  it('is empty for an empty range', () => {
    expect(movingAverageBand(points, day('2026-04-02'), day('2026-04-01'))).toEqual([]);
  });
});
