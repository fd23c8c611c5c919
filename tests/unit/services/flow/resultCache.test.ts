import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../../../service/src/services/flow/resultCache.ts';

function cache(maxEntries = 3, maxWeight = 100) {
  return new ResultCache<number>({ maxEntries, maxWeight, weigh: (value) => value });
}

describe('ResultCache', () => {
  it('computes a key once, also for requests that arrive while it is computing', async () => {
    const results = cache();
    let computations = 0;
    let release: (value: number) => void = () => undefined;
    const pending = new Promise<number>((resolve) => (release = resolve));
    const compute = () => {
      computations++;
      return pending;
    };
    const waiting = [results.get('a', compute), results.get('a', compute), results.get('a', compute)];
    release(5);
    expect(await Promise.all(waiting)).toEqual([5, 5, 5]);
    expect(await results.get('a', compute)).toBe(5);
    expect(computations).toBe(1);
    expect(results.stats()).toMatchObject({ entries: 1, weight: 5, hits: 3, misses: 1 });
  });

  it('forgets a failed computation, so the next request computes again', async () => {
    const results = cache();
    await expect(results.get('a', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await results.get('a', async () => 2)).toBe(2);
    expect(results.stats().misses).toBe(2);
  });

  it('evicts the least recently used entry beyond the entry limit', async () => {
    const results = cache(2);
    await results.get('a', async () => 1);
    await results.get('b', async () => 1);
    await results.get('a', async () => 99); // a is now the most recently used
    await results.get('c', async () => 1);
    expect(await results.get('a', async () => 99)).toBe(1);
    let computed = false;
    await results.get('b', async () => {
      computed = true;
      return 1;
    });
    expect(computed).toBe(true);
  });

  it('evicts by weight, and keeps nothing heavier than the limit', async () => {
    const results = cache(10, 10);
    await results.get('a', async () => 6);
    await results.get('b', async () => 6);
    expect(results.stats()).toMatchObject({ entries: 1, weight: 6 });
    await results.get('huge', async () => 50);
    expect(results.stats().weight).toBeLessThanOrEqual(10);
    let again = 0;
    await results.get('huge', async () => ++again);
    expect(again).toBe(1);
  });
});
