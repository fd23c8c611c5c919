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
    expect(budget.state().waitMs).toBe(0);
  });

  /** Starts `count` requests one second apart; the clock ends one second after the last. */
  async function startRequests(budget: RequestBudget, clock: FakeClock, count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      (await budget.acquire())();
      clock.advance(1_000);
    }
  }

  it.each([
    // Requests started 1 s apart, TSTUs remaining of 200, the wait (ms) of the next start. Cost per
    // request = (200 - remaining) / requests in the last five minutes. Pacing keeps predicted usage
    // within 95% of the limit: floor(190 / cost) starts in the window; the next waits for one to leave.
    [100, 60, 0], // 30% remaining: above the 25% threshold
    [100, 50, 0], // exactly 25%: not yet pacing
    [100, 40, 0], // cost 1.6: 118 allowed, 100 in the window
    [160, 10, 140_000], // cost 1.1875: usage is at the 190 target; the oldest (at 0 s) must leave (at 300 s)
    [300, 0, 16_000], // the first start has left; 299 cost 200 at least: 284 allowed
    [10, 0, 291_000], // cost 20 each: 9 allowed, the 2nd start (at 1 s) must leave
  ])('after %i requests with %i TSTUs remaining, waits %i ms', async (requests, remaining, wait) => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    await startRequests(budget, clock, requests);
    budget.observe({ limit: 200, remaining, reset: (clock.now() + 300_000) / 1000 }, 200);
    expect(budget.state().waitMs).toBe(wait);
    (await budget.acquire())();
    expect(clock.sleeps).toEqual(wait === 0 ? [] : [wait]);
  });

  it('spends what the sliding window gives back and never passes the limit', async () => {
    // A service like Azure DevOps: 200 TSTUs per five minutes, headers from 80% usage, a page costs 1.2.
    const clock = new FakeClock();
    const started = clock.now();
    const budget = new RequestBudget({ clock });
    const charges: number[] = [];
    const cost = 1.2;
    let highest = 0;
    for (let index = 0; index < 2_000; index += 1) {
      const release = await budget.acquire();
      clock.advance(50);
      charges.push(clock.now());
      const usage = charges.filter((time) => time > clock.now() - 300_000).length * cost;
      highest = Math.max(highest, usage);
      budget.observe(
        usage < 160
          ? undefined
          : {
              limit: 200,
              remaining: Math.max(0, Math.floor(200 - usage)),
              reset: (clock.now() + 300_000) / 1000,
            },
        200,
      );
      release();
    }
    expect(highest).toBeLessThanOrEqual(200);
    // The fewest seconds the limit allows: 200 TSTUs at once, then 200 per 300 s.
    const floorSeconds = ((2_000 * cost - 200) * 300) / 200;
    const seconds = (clock.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(floorSeconds);
    // The reserve (5% of the limit) is the price of never reaching it.
    expect(seconds).toBeLessThan(floorSeconds * 1.12);
  });

  it('lets a slow request leave the window five minutes after its answer, not after its start', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    const slow = await budget.acquire();
    clock.advance(250_000);
    slow();
    budget.observe({ limit: 200, remaining: 0 }, 200);
    // One request used the whole budget; it was charged some time before its answer at 250 s.
    expect(budget.state().waitMs).toBe(300_000);
  });

  it('waits a window when the requests that must leave first are still running', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock, maxConcurrent: 2 });
    const first = await budget.acquire();
    budget.observe({ limit: 200, remaining: 0 }, 200);
    expect(budget.state().waitMs).toBe(300_000);
    first();
    expect(budget.state().waitMs).toBe(300_000);
  });

  it('counts only the requests inside the five-minute window when estimating their cost', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    await startRequests(budget, clock, 300);
    clock.advance(300_000);
    await startRequests(budget, clock, 40);
    budget.observe({ limit: 200, remaining: 20, reset: (clock.now() + 300_000) / 1000 }, 200);
    expect(budget.state().costPerRequest).toBeCloseTo(4.5, 6);
  });

  it.each([
    // earlier estimate, requests in the window at zero remaining, estimate after
    [2.5, 100, 2.5], // usage is at least 200: 2 each at least, so 2.5 stands
    [1.6, 100, 2], // the earlier estimate was too low
  ])(
    'raises the cost estimate (from %d, %i requests) to at least limit ÷ requests when none remain',
    async (earlier, requests, after) => {
      const clock = new FakeClock();
      const budget = new RequestBudget({ clock });
      await startRequests(budget, clock, 10);
      budget.observe({ limit: 200, remaining: 200 - earlier * 10 }, 200);
      expect(budget.state().costPerRequest).toBeCloseTo(earlier, 6);
      clock.advance(300_000);
      budget.observe(undefined, 200);
      await startRequests(budget, clock, requests);
      budget.observe({ limit: 200, remaining: 0, delay: 1.5 }, 200);
      expect(budget.state().costPerRequest).toBeCloseTo(after, 6);
      expect(budget.state().waitMs).toBeGreaterThan(0);
    },
  );

  it('runs freely again once an answer comes without rate-limit headers', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    await startRequests(budget, clock, 10);
    budget.observe({ limit: 200, remaining: 5 }, 200);
    expect(budget.state().waitMs).toBeGreaterThan(0);
    budget.observe(undefined);
    expect(budget.state().waitMs).toBeGreaterThan(0);
    budget.observe(undefined, 500);
    expect(budget.state().waitMs).toBeGreaterThan(0);
    budget.observe(undefined, 200);
    expect(budget.state()).toMatchObject({ remaining: null, waitMs: 0 });
  });

  it('stops pacing once the reported reset time has passed', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    await startRequests(budget, clock, 10);
    budget.observe({ limit: 200, remaining: 5, reset: (clock.now() + 60_000) / 1000 }, 200);
    expect(budget.state().waitMs).toBeGreaterThan(0);
    clock.advance(60_000);
    expect(budget.state().waitMs).toBe(0);
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
