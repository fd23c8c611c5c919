import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../../../service/src/metrics/percentiles.ts';
import {
  lowerBound,
  medianOf,
  percentilesInPlace,
  sliceBounds,
} from '../../../../service/src/metrics/delivery/index.ts';

/** Deterministic pseudo-random samples, with many duplicates when `spread` is small. */
function sample(n: number, spread: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % spread;
  });
}

describe('percentilesInPlace (quickselect) agrees with nearest rank on the sorted sample', () => {
  const cases: { name: string; values: number[]; ps: number[] }[] = [
    { name: 'one value', values: [7], ps: [50, 85] },
    { name: 'even n takes the lower middle', values: [4, 1, 3, 2], ps: [50, 85] },
    { name: 'all equal', values: [5, 5, 5, 5, 5], ps: [50, 85, 95] },
    { name: '20 values: P85 is rank 17', values: sample(20, 1_000, 1), ps: [50, 85] },
    { name: 'many duplicates', values: sample(1_001, 3, 2), ps: [50, 70, 85, 95] },
    { name: 'large sample', values: sample(10_000, 1_000_000, 3), ps: [50, 85] },
    { name: 'percentiles out of order', values: sample(101, 50, 4), ps: [85, 50, 95, 70] },
  ];
  it.each(cases)('$name', ({ values, ps }) => {
    const sorted = [...values].sort((a, b) => a - b);
    expect(percentilesInPlace(Float64Array.from(values), ps)).toEqual(ps.map((p) => nearestRank(sorted, p)));
  });

  it('an empty sample has no percentiles', () => {
    expect(percentilesInPlace(new Float64Array(0), [50, 85])).toEqual([null, null]);
    expect(medianOf([])).toBeNull();
  });
});

describe('binary search over day indices', () => {
  const days = [3, 3, 5, 8, 8, 8, 10];
  it.each([
    [0, 0],
    [3, 0],
    [4, 2],
    [8, 3],
    [9, 6],
    [11, 7],
  ])('lowerBound of %i is %i', (value, index) => {
    expect(lowerBound(days, value)).toBe(index);
  });
  it.each([
    [3, 3, [0, 2]],
    [4, 7, [2, 3]],
    [8, 10, [3, 7]],
    [11, 20, [7, 7]],
  ] as [number, number, [number, number]][])('days %i..%i are at [%j)', (from, to, bounds) => {
    expect(sliceBounds(days, from, to)).toEqual(bounds);
  });
});
