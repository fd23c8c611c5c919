import { describe, expect, it } from 'vitest';
import type { CompletedItem } from '../../../../../service/src/contract/index.ts';
import {
  dayOffsetFraction,
  dayRangeBounds,
  nearestPointIndex,
  toScatterColumns,
} from '../../../../../extension/src/hubs/flow/scatterData.ts';

const secondsPerDay = 86_400;

function utcSeconds(isoDay: string): number {
  return Date.parse(`${isoDay}T00:00:00Z`) / 1000;
}

function completedItem(id: number, completedOn: string, cycleTimeDays: number): CompletedItem {
  return {
    id,
    title: `Item ${id}`,
    workItemType: 'User Story',
    url: `https://dev.azure.com/org/project/_workitems/edit/${id}`,
    startedAt: `${completedOn}T08:00:00Z`,
    completedAt: `${completedOn}T17:00:00Z`,
    completedOn,
    cycleTimeDays,
    cycleTimeHours: cycleTimeDays * 24,
  };
}

describe('dayOffsetFraction', () => {
  // Expected values: 0.15 + 0.7 · ((id · 2654435761 mod 2^32) mod 1000) / 1000, worked out by hand.
  it.each([
    { id: 0, expected: 0.15 },
    { id: 1, expected: 0.6827 },
    { id: 2, expected: 0.3082 },
    { id: 3, expected: 0.8409 },
    { id: 42, expected: 0.5434 },
    { id: 1000, expected: 0.2004 },
    { id: 123_456, expected: 0.3012 },
    { id: 2_147_483_647, expected: 0.2781 },
  ])('places item $id at $expected of its day', ({ id, expected }) => {
    expect(dayOffsetFraction(id)).toBeCloseTo(expected, 10);
  });

  it.each([1, 7, 4096, 99_999, 2_147_483_647])('gives item %i the same place on every call', (id) => {
    const first = dayOffsetFraction(id);
    expect([dayOffsetFraction(id), dayOffsetFraction(id), dayOffsetFraction(id)]).toEqual([
      first,
      first,
      first,
    ]);
  });

  it('keeps every item inside the middle of its day (0.15 to 0.85)', () => {
    for (let id = 0; id <= 20_000; id++) {
      const fraction = dayOffsetFraction(id);
      expect(fraction).toBeGreaterThanOrEqual(0.15);
      expect(fraction).toBeLessThan(0.85);
    }
  });

  it('spreads 100 consecutive ids finishing on one day to 100 different places', () => {
    const fractions = Array.from({ length: 100 }, (_, index) => dayOffsetFraction(index + 1));
    expect(new Set(fractions).size).toBe(100);
  });
});

describe('toScatterColumns', () => {
  it('returns empty columns for no items', () => {
    expect(toScatterColumns([])).toEqual({ xs: [], ys: [], items: [] });
  });

  it('sorts by x and keeps xs, ys and items aligned', () => {
    const items = [
      completedItem(3, '2024-03-02', 9),
      completedItem(1, '2024-02-29', 4),
      completedItem(2, '2024-02-29', 1),
      completedItem(7, '2024-03-01', 0),
    ];
    const columns = toScatterColumns(items);
    // Same day: item 2 (0.3082) is drawn left of item 1 (0.6827).
    expect(columns.items.map((item) => item.id)).toEqual([2, 1, 7, 3]);
    expect(columns.ys).toEqual([1, 4, 0, 9]);
    expect(columns.xs).toEqual(
      columns.items.map((item) => utcSeconds(item.completedOn) + secondsPerDay * dayOffsetFraction(item.id)),
    );
    for (let index = 1; index < columns.xs.length; index++) {
      expect(columns.xs[index]).toBeGreaterThan(columns.xs[index - 1] ?? Number.POSITIVE_INFINITY);
    }
  });

  it('keeps every point on its own completion day and inside the requested range', () => {
    const days = ['2023-12-31', '2024-01-01', '2024-02-29', '2024-03-01'];
    const items = days.flatMap((day, dayIndex) =>
      Array.from({ length: 25 }, (_, index) => completedItem(dayIndex * 100 + index + 1, day, index)),
    );
    const columns = toScatterColumns(items);
    const bounds = dayRangeBounds('2023-12-31', '2024-03-01');
    columns.items.forEach((item, index) => {
      const x = columns.xs[index] ?? Number.NaN;
      const dayStart = utcSeconds(item.completedOn);
      expect(x).toBeGreaterThanOrEqual(dayStart + 0.15 * secondsPerDay);
      expect(x).toBeLessThan(dayStart + 0.85 * secondsPerDay);
      expect(x).toBeGreaterThan(bounds.min);
      expect(x).toBeLessThan(bounds.max);
    });
  });

  it('does not reorder the caller’s array', () => {
    const items = [completedItem(3, '2024-03-02', 9), completedItem(1, '2024-02-29', 4)];
    toScatterColumns(items);
    expect(items.map((item) => item.id)).toEqual([3, 1]);
  });
});

describe('dayRangeBounds', () => {
  it.each([
    { from: '2024-06-30', to: '2024-06-30', min: Date.UTC(2024, 5, 30), max: Date.UTC(2024, 6, 1) },
    { from: '2024-02-28', to: '2024-02-29', min: Date.UTC(2024, 1, 28), max: Date.UTC(2024, 2, 1) },
    { from: '2024-12-02', to: '2024-12-31', min: Date.UTC(2024, 11, 2), max: Date.UTC(2025, 0, 1) },
  ])('covers $from through the end of $to', ({ from, to, min, max }) => {
    expect(dayRangeBounds(from, to)).toEqual({ min: min / 1000, max: max / 1000 });
  });
});

describe('nearestPointIndex', () => {
  // Pixel positions: (10,10), (20,10), (10,40), (100,100).
  const xs = [10, 20, 10, 100];
  const ys = [10, 10, 40, 100];

  it.each([
    { name: 'no points', pointsX: [], pointsY: [], x: 5, y: 5, radius: 10, expected: -1 },
    { name: 'an exact hit', pointsX: xs, pointsY: ys, x: 100, y: 100, radius: 8, expected: 3 },
    { name: 'the nearer of two in range', pointsX: xs, pointsY: ys, x: 13, y: 11, radius: 8, expected: 0 },
    {
      name: 'nearest by distance, not by x alone',
      pointsX: xs,
      pointsY: ys,
      x: 12,
      y: 36,
      radius: 8,
      expected: 2,
    },
    {
      name: 'a point exactly on the radius (3-4-5)',
      pointsX: xs,
      pointsY: ys,
      x: 103,
      y: 104,
      radius: 5,
      expected: 3,
    },
    {
      name: 'nothing just beyond the radius',
      pointsX: xs,
      pointsY: ys,
      x: 103,
      y: 104.01,
      radius: 5,
      expected: -1,
    },
    {
      name: 'nothing when every point is far',
      pointsX: xs,
      pointsY: ys,
      x: 60,
      y: 60,
      radius: 8,
      expected: -1,
    },
    {
      name: 'radius 0 only matches an exact hit',
      pointsX: xs,
      pointsY: ys,
      x: 20,
      y: 10,
      radius: 0,
      expected: 1,
    },
    {
      name: 'radius 0 misses by a fraction',
      pointsX: xs,
      pointsY: ys,
      x: 20.5,
      y: 10,
      radius: 0,
      expected: -1,
    },
    // Ties go to the later point: it is drawn last, so it is the one on top.
    { name: 'a tie between two points', pointsX: xs, pointsY: ys, x: 15, y: 10, radius: 8, expected: 1 },
    {
      name: 'a tie between stacked points',
      pointsX: [5, 5, 5],
      pointsY: [5, 5, 5],
      x: 6,
      y: 6,
      radius: 4,
      expected: 2,
    },
    {
      name: 'gaps (NaN) are skipped',
      pointsX: [Number.NaN, 30],
      pointsY: [10, 10],
      x: 29,
      y: 10,
      radius: 4,
      expected: 1,
    },
    {
      name: 'a missing y is skipped',
      pointsX: [10, 30],
      pointsY: [10],
      x: 29,
      y: 10,
      radius: 4,
      expected: -1,
    },
  ])('$name → $expected', ({ pointsX, pointsY, x, y, radius, expected }) => {
    expect(nearestPointIndex(pointsX, pointsY, x, y, radius)).toBe(expected);
  });

  it('accepts typed arrays, as uPlot keeps its pixel caches', () => {
    const pointsX = Float64Array.from([0, 50, 52]);
    const pointsY = Float64Array.from([0, 50, 52]);
    expect(nearestPointIndex(pointsX, pointsY, 50.9, 50.9, 6)).toBe(1);
    expect(nearestPointIndex(pointsX, pointsY, 51.1, 51.1, 6)).toBe(2);
  });

  it('finds the nearest of 10,000 points', () => {
    const count = 10_000;
    const pointsX = Array.from({ length: count }, (_, index) => (index % 100) * 10);
    const pointsY = Array.from({ length: count }, (_, index) => Math.floor(index / 100) * 10);
    // (423, 618) is nearest the grid point (420, 620): column 42, row 62.
    expect(nearestPointIndex(pointsX, pointsY, 423, 618, 7)).toBe(62 * 100 + 42);
  });
});
