import { describe, expect, it } from 'vitest';
import { createRandom, randomIndex, seedFor } from '../../../../service/src/metrics/forecast/random.ts';

describe('seeded random', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws in [0, 1) and spreads indexes evenly (within 3% per bucket over 100,000 draws)', () => {
    const random = createRandom(123);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      const index = randomIndex(random, 10);
      buckets[index] = (buckets[index] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(300);
  });

  it.each([
    { a: ['how-many', [1, 2, 3], 30], b: ['how-many', [1, 2, 3], 30], equal: true },
    { a: ['how-many', [1, 2, 3], 30], b: ['how-many', [1, 2, 3], 31], equal: false },
    { a: ['how-many', [1, 2, 3], 30], b: ['how-many', [1, 23], 30], equal: false },
    { a: ['how-many', [12], 3], b: ['how-many', [1], 23], equal: false },
  ])('seedFor($a) equals seedFor($b): $equal', ({ a, b, equal }) => {
    expect(
      seedFor(...(a as (string | number | number[])[])) === seedFor(...(b as (string | number | number[])[])),
    ).toBe(equal);
  });
});
