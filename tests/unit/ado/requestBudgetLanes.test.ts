import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../service/src/ado/http/requestBudget.ts';
import { FakeClock } from '../../support/fakeClock.ts';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestBudget lanes (flow first)', () => {
  it('gives a freed slot to a waiting flow request before delivery requests that waited longer', async () => {
    const budget = new RequestBudget({ maxConcurrent: 1, clock: new FakeClock() });
    const first = await budget.acquire('delivery');
    const order: string[] = [];
    const delivery = budget.acquire('delivery').then((release) => {
      order.push('delivery');
      release();
    });
    await flush();
    const flow = budget.acquire('flow').then((release) => {
      order.push('flow');
      release();
    });
    await flush();
    first();
    await Promise.all([delivery, flow]);
    expect(order).toEqual(['flow', 'delivery']);
  });

  it('holds delivery requests while the budget paces and a work-item stream runs', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    budget.observe({ limit: 200, remaining: 190, reset: (clock.now() + 300_000) / 1000 }, 200);
    const flowEnded = budget.flowStreamStarted();
    // Healthy budget: delivery is not held back.
    (await budget.acquire('delivery'))();
    // Pacing (under 25% left): delivery waits for the work-item streams, flow goes on.
    budget.observe({ limit: 200, remaining: 40, reset: (clock.now() + 300_000) / 1000 }, 200);
    let deliveryStarted = false;
    const delivery = budget.acquire('delivery').then((release) => {
      deliveryStarted = true;
      release();
    });
    (await budget.acquire('flow'))();
    await flush();
    expect(deliveryStarted).toBe(false);
    flowEnded();
    await delivery;
    expect(deliveryStarted).toBe(true);
  });

  it('lets a held delivery request go when the budget is abandoned', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ clock });
    budget.observe({ limit: 200, remaining: 10, reset: (clock.now() + 300_000) / 1000 }, 200);
    budget.flowStreamStarted();
    const held = budget.acquire('delivery');
    await flush();
    budget.abandon(new Error('shutting down'));
    await expect(held).rejects.toThrow('shutting down');
  });
});
