import { describe, expect, it } from 'vitest';
import { nearestRank, nearestRankIndex, percentileLines } from '../../../service/src/metrics/percentiles.ts';

const oneToTwenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);

describe('nearestRank', () => {
  it.each([
    { name: 'empty sample', sample: [], p: 50, expected: undefined },
    { name: 'n=1, p=0', sample: [7], p: 0, expected: 7 },
    { name: 'n=1, p=50', sample: [7], p: 50, expected: 7 },
    { name: 'n=1, p=100', sample: [7], p: 100, expected: 7 },
    { name: 'n=20, p=0 is the first element', sample: oneToTwenty, p: 0, expected: 10 },
    { name: 'n=20, p=5 is rank 1', sample: oneToTwenty, p: 5, expected: 10 },
    { name: 'n=20, p=50 is rank 10', sample: oneToTwenty, p: 50, expected: 100 },
    { name: 'n=20, p=70 is rank 14', sample: oneToTwenty, p: 70, expected: 140 },
    { name: 'n=20, p=85 is rank 17 (not 18 through rounding)', sample: oneToTwenty, p: 85, expected: 170 },
    { name: 'n=20, p=95 is rank 19', sample: oneToTwenty, p: 95, expected: 190 },
    { name: 'n=20, p=100 is the last', sample: oneToTwenty, p: 100, expected: 200 },
    { name: 'n=20, p=51 rounds up to rank 11', sample: oneToTwenty, p: 51, expected: 110 },
    { name: 'n=4, p=50 is rank 2', sample: [1, 2, 3, 4], p: 50, expected: 2 },
    { name: 'n=4, p=50.1 is rank 3', sample: [1, 2, 3, 4], p: 50.1, expected: 3 },
    { name: 'ties: [1,3,3,3,9] P(40) is rank 2', sample: [1, 3, 3, 3, 9], p: 40, expected: 3 },
    { name: 'ties: [1,3,3,3,9] P(80) is rank 4', sample: [1, 3, 3, 3, 9], p: 80, expected: 3 },
    { name: 'ties: [1,3,3,3,9] P(81) is rank 5', sample: [1, 3, 3, 3, 9], p: 81, expected: 9 },
    { name: 'n=3, p=33.3 is rank ceil(0.999) = 1', sample: [1, 2, 3], p: 33.3, expected: 1 },
    {
      name: 'n=750, p=4.4 is rank 33 although 4.4·750/100 computes as 33.00000000000001',
      sample: Array.from({ length: 750 }, (_, i) => i + 1),
      p: 4.4,
      expected: 33,
    },
  ])('$name', ({ sample, p, expected }) => {
    expect(nearestRank(sample, p)).toBe(expected);
  });

  it.each([
    { n: 10, p: 85, rank: 9 },
    { n: 100, p: 85, rank: 85 },
    { n: 7, p: 95, rank: 7 },
    { n: 3, p: 0, rank: 1 },
  ])('nearestRankIndex($n, $p) = $rank', ({ n, p, rank }) => {
    expect(nearestRankIndex(n, p)).toBe(rank);
  });
});

describe('percentileLines', () => {
  it('sorts a copy and returns the default lines', () => {
    const values = [20, 1, 13, 2, 8, 5, 3, 2, 5, 2];
    const before = [...values];
    expect(percentileLines(values)).toEqual([
      { percentile: 50, value: 3 },
      { percentile: 70, value: 5 },
      { percentile: 85, value: 13 },
      { percentile: 95, value: 20 },
    ]);
    expect(values).toEqual(before);
  });

  it('gives null lines for no values', () => {
    expect(percentileLines([], [50, 85])).toEqual([
      { percentile: 50, value: null },
      { percentile: 85, value: null },
    ]);
  });
});
