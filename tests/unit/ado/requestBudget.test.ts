import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../service/src/ado/http/requestBudget.ts';
import { FakeClock } from '../../support/fakeClock.ts';

describe('RequestBudget', () => {
  it('does not wait while the budget is healthy', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    budget.observe({ limit: 200, remaining: 150, reset: clock.now() / 1000 + 300 });
    for (let index = 0; index < 5; index += 1) (await budget.acquire())();
    expect(clock.sleeps).toEqual([]);
    expect(budget.state().spacingMs).toBe(0);
  });

  it.each([
    // remaining, seconds to reset, expected spacing (ms): what remains is spread until the reset
    [40, 300, 7_500],
    [10, 100, 10_000],
    [1, 300, 30_000],
    [0, 60, 30_000],
  ])('spaces requests when %i TSTUs remain with %is to reset', async (remaining, secondsToReset, spacing) => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    budget.observe({ limit: 200, remaining, reset: (clock.now() + secondsToReset * 1000) / 1000 });
    expect(budget.state().spacingMs).toBeCloseTo(spacing, 0);
    (await budget.acquire())();
    (await budget.acquire())();
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeCloseTo(spacing, 0);
  });

  it('stops every request until Retry-After has passed', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    budget.observe({ retryAfter: 12 }, 429);
    expect(budget.state().blockedUntil).toBe(clock.now() + 12_000);
    expect(budget.state().throttledResponses).toBe(1);
    (await budget.acquire())();
    expect(clock.sleeps).toEqual([12_000]);
    expect(budget.state().blockedUntil).toBeNull();
  });

  it('caps requests in flight and hands slots over in order', async () => {
    const budget = new RequestBudget({ clock: new FakeClock(), maxConcurrent: 2 });
    const first = await budget.acquire();
    await budget.acquire();
    let thirdStarted = false;
    const third = budget.acquire().then((release) => {
      thirdStarted = true;
      return release;
    });
    await Promise.resolve();
    expect(thirdStarted).toBe(false);
    expect(budget.state().inFlight).toBe(2);
    first();
    (await third)();
    expect(thirdStarted).toBe(true);
    expect(budget.state().inFlight).toBe(1);
  });

  it('ignores a second release of the same slot', async () => {
    const budget = new RequestBudget({ clock: new FakeClock(), maxConcurrent: 1 });
    const release = await budget.acquire();
    release();
    release();
    expect(budget.state().inFlight).toBe(0);
  });
});
