import { describe, expect, it } from 'vitest';
import { RequestBudget, type Clock } from '../../../service/src/ado/http/requestBudget.ts';

/** A clock whose sleeps end only when the test moves time past them. */
class ManualClock implements Clock {
  private current = 1_800_000_000_000;
  private readonly sleepers: { until: number; wake: () => void }[] = [];
  now(): number {
    return this.current;
  }
  sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) =>
      this.sleepers.push({ until: this.current + milliseconds, wake: resolve }),
    );
  }
  async advance(milliseconds: number): Promise<void> {
    this.current += milliseconds;
    for (const sleeper of this.sleepers.splice(0)) {
      if (sleeper.until <= this.current) sleeper.wake();
      else this.sleepers.push(sleeper);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestBudget waits', () => {
  it('counts concurrent waits once, as wall time, and says when requests resume', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ clock });
    const pauses: number[] = [];
    budget.onPause((resumesAt) => pauses.push(resumesAt));
    budget.observe({ retryAfter: 10 }, 429);
    const waiting = [budget.acquire(), budget.acquire(), budget.acquire()];
    await settle();
    expect(budget.state().resumesAt).toBe(clock.now() + 10_000);
    expect(pauses).toHaveLength(3);
    await clock.advance(10_000);
    for (const release of await Promise.all(waiting)) release();
    // Three requests waited 10 s each, at the same time: 10 s of wall time, not 30.
    expect(budget.state().waitedMs).toBe(10_000);
    expect(budget.state().resumesAt).toBeNull();
  });

  it('ends every wait at once when abandoned, and refuses later requests', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ clock });
    budget.observe({ retryAfter: 600 }, 429);
    const waiting = budget.acquire();
    const backOff = budget.sleep(30_000);
    await settle();
    const stop = new Error('stopping');
    budget.abandon(stop);
    await expect(waiting).rejects.toBe(stop);
    await expect(backOff).rejects.toBe(stop);
    await expect(budget.acquire()).rejects.toBe(stop);
    expect(budget.state().resumesAt).toBeNull();
  });
});
