import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../service/src/ado/http/requestBudget.ts';
import type { StreamStatus } from '../../../service/src/storage/tenants.ts';
import { StreamProgress } from '../../../service/src/sync/progress.ts';

describe('StreamProgress.counted (pull requests done of those known)', () => {
  it('reports the share done and an ETA at the recent pace', async () => {
    let now = 0;
    const saved: StreamStatus[] = [];
    const progress = new StreamProgress('fabrikam', 'git.changes', {
      store: { save: async (status) => void saved.push(status), list: async () => [] },
      budget: new RequestBudget(),
      requestCount: () => 0,
      now: () => now,
    });
    await progress.start();
    now = 10_000;
    await progress.counted(10, 100);
    expect(saved.at(-1)?.progress).toBe(0.1);
    now = 20_000;
    await progress.counted(20, 100);
    // 10 of 100 per 10 s: the 80 left take 80 s.
    expect(saved.at(-1)?.progress).toBe(0.2);
    expect(saved.at(-1)?.estimatedSecondsLeft).toBe(80);
  });

  it('is done when nothing is known to ask about', async () => {
    const saved: StreamStatus[] = [];
    const progress = new StreamProgress('fabrikam', 'git.changes', {
      store: { save: async (status) => void saved.push(status), list: async () => [] },
      budget: new RequestBudget(),
      requestCount: () => 0,
      now: () => 0,
    });
    await progress.counted(0, 0);
    expect(saved.at(-1)?.progress).toBe(1);
  });
});

describe('StreamProgress.counted saving', () => {
  it('saves at most once a second while counting, and always the last count', async () => {
    let now = 0;
    const saved: StreamStatus[] = [];
    const progress = new StreamProgress('fabrikam', 'git.changes', {
      store: { save: async (status) => void saved.push(status), list: async () => [] },
      budget: new RequestBudget(),
      requestCount: () => 0,
      now: () => now,
    });
    for (let done = 1; done <= 10; done += 1) {
      now += 100;
      await progress.counted(done, 10);
    }
    expect(saved.map((status) => status.progress)).toEqual([0.1, 1]);
  });
});
