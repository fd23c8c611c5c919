import { describe, expect, it } from 'vitest';
import { eachConcurrently } from '../../../../service/src/sync/collect/eachConcurrently.ts';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('eachConcurrently', () => {
  it.each([
    // items, limit, most in flight
    [0, 4, 0],
    [1, 4, 1],
    [3, 4, 3],
    [10, 4, 4],
    [10, 1, 1],
    [5, 0, 1],
  ])('runs %i items with limit %i, at most %i at once, each exactly once', async (count, limit, most) => {
    let inFlight = 0;
    let highest = 0;
    const seen: number[] = [];
    await eachConcurrently(
      Array.from({ length: count }, (_unused, index) => index),
      limit,
      async (item) => {
        inFlight += 1;
        highest = Math.max(highest, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(item);
        inFlight -= 1;
      },
    );
    expect(highest).toBe(most);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_unused, index) => index));
  });

  it('starts nothing new after a failure, waits for the started ones, then throws the first error', async () => {
    const started: number[] = [];
    const slow = deferred();
    let slowFinished = false;
    const run = eachConcurrently([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      if (item === 0) {
        await slow.promise;
        slowFinished = true;
      }
      if (item === 1) throw new Error('page 1 failed');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(started).toEqual([0, 1]);
    slow.resolve();
    await expect(run).rejects.toThrow('page 1 failed');
    expect(slowFinished).toBe(true);
    expect(started).toEqual([0, 1]);
  });
});
