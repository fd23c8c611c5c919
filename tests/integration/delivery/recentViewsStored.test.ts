/**
 * Recent Delivery views outlive a restart and reach every instance: the store keeps each view once with
 * its latest time (both backends); a new instance's refresh answers the views another instance stored, so
 * the next person's view there is served without a computation; rows that no longer read as a view, and
 * views that fail, are forgotten; a view opened again within the hour is not written again. The refresh
 * timer answers at once and then every interval, never two at a time, and stops cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryPath, DeliveryQuery } from '../../../service/src/contract/index.ts';
import { createLogger } from '../../../service/src/logger.ts';
import type { RecentViewStore } from '../../../service/src/storage/delivery/recentViews.ts';
import { startRecentViewRefresh } from '../../../service/src/services/delivery/recentViewRefresh.ts';
import { recentDeliveryViews } from '../../../service/src/services/delivery/recentViews.ts';
import type { DeliveryService } from '../../../service/src/services/delivery/service.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { countingDeliveryService, seededStorageForSuite } from './recentViewsSupport.ts';
import { LABS, SHOP } from './seed.ts';

const ORG = 'contoso';
const MAY: DeliveryQuery = { from: '2026-05-01', to: '2026-05-31' };
const SPRING: DeliveryQuery = { from: '2026-03-01', to: '2026-05-31' };
const shop: DeliveryPath = { organization: ORG, project: SHOP };
const logger = createLogger({ level: 'error', write: () => undefined });

describe.each(BACKENDS)('the recent view store on %s', (backend) => {
  const directory = temporaryDirectory('recent-view-store');
  let test: TestRepository;
  let store: RecentViewStore;

  beforeAll(async () => {
    test = await openTestRepository(backend, directory.path, 'recent-view-store');
    store = test.storage.recentDeliveryViews;
  });

  afterAll(async () => {
    await test.dispose();
    directory.remove();
  });

  it('keeps each view once with its latest time, lists the recent ones newest first, and forgets', async () => {
    await store.save({ organization: 'Contoso', key: 'a', view: '{"a":1}', viewedAt: 1_000 });
    await store.save({ organization: 'contoso', key: 'a', view: '{"a":1}', viewedAt: 5_000 });
    await store.save({ organization: 'contoso', key: 'a', view: '{"a":1}', viewedAt: 3_000 });
    await store.save({ organization: 'contoso', key: 'b', view: '{"b":1}', viewedAt: 4_000 });
    await store.save({ organization: 'fabrikam', key: 'a', view: '{"c":1}', viewedAt: 2_000 });
    expect((await store.list(0, 10)).map((row) => [row.organization, row.key, row.viewedAt])).toEqual([
      ['contoso', 'a', 5_000],
      ['contoso', 'b', 4_000],
      ['fabrikam', 'a', 2_000],
    ]);
    expect((await store.list(3_000, 10)).map((row) => row.key)).toEqual(['a', 'b']);
    expect((await store.list(0, 1)).map((row) => row.view)).toEqual(['{"a":1}']);
    await store.forget('Contoso', 'b');
    expect(await store.forgetBefore(3_000)).toBe(1);
    expect((await store.list(0, 10)).map((row) => [row.organization, row.key])).toEqual([['contoso', 'a']]);
  });
});

describe('recent views across instances and restarts', () => {
  const storage = seededStorageForSuite('recent-views-stored', ORG);
  let computations = 0;

  const answers = (): DeliveryService =>
    countingDeliveryService(storage(), ORG, () => {
      computations++;
    });

  /** The store, with its writes counted. */
  function countingStore(): { store: RecentViewStore; saves: () => number } {
    let saves = 0;
    const inner = storage().recentDeliveryViews;
    const store: RecentViewStore = {
      save: (view) => {
        saves++;
        return inner.save(view);
      },
      list: (since, limit) => inner.list(since, limit),
      forget: (organization, key) => inner.forget(organization, key),
      forgetBefore: (before) => inner.forgetBefore(before),
    };
    return { store, saves: () => saves };
  }

  it("answers another instance's views at a refresh, so the next view there needs no computation", async () => {
    const { store, saves } = countingStore();
    const first = recentDeliveryViews(answers(), { logger, store });
    const viewed = await (await first.service.open(shop)).summary(MAY);
    await (await first.service.open(shop)).summary(MAY);
    await (await first.service.open(shop)).trend(SPRING);
    // The same view within the hour is stored once.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saves()).toBe(2);

    // A restarted (or another) instance: its caches are empty and it has seen no view itself.
    const restarted = recentDeliveryViews(answers(), { logger, store });
    const before = computations;
    expect(await restarted.refresh()).toBe(2);
    expect(computations).toBe(before + 2);
    const next = await (await restarted.service.open(shop)).summary(MAY);
    expect(computations).toBe(before + 2);
    expect(next).toEqual(viewed);
    // Nothing changed since: a refresh costs cache hits only.
    expect(await restarted.refresh()).toBe(2);
    expect(computations).toBe(before + 2);
  });

  it('forgets stored rows that are no longer a view, and views that fail now', async () => {
    const store = storage().recentDeliveryViews;
    const now = Date.now();
    await store.save({ organization: ORG, key: 'not-json', view: '{', viewedAt: now });
    await store.save({ organization: ORG, key: 'not-a-view', view: '{"answer":"summary"}', viewedAt: now });
    const labs = { organization: ORG, project: LABS };
    const failing = recentDeliveryViews(
      {
        open: async (path) => {
          if (path.project === LABS) throw new Error('Team "Apps" is not mapped');
          return answers().open(path);
        },
      },
      { logger, store },
    );
    await failing.service.open(labs).catch(() => undefined);
    // Labs was viewed while it still answered (another instance stored it).
    const key = JSON.stringify({ answer: 'summary', path: labs, query: MAY });
    const view = JSON.stringify({ path: labs, answer: 'summary', query: MAY });
    await store.save({ organization: ORG, key, view, viewedAt: now });
    expect(await failing.refresh()).toBe(2);
    const keys = (await store.list(0, 100)).map((row) => row.key);
    expect(keys).not.toContain('not-json');
    expect(keys).not.toContain('not-a-view');
    expect(keys).not.toContain(key);
    expect(keys).toHaveLength(2);
  });
});

describe('the refresh timer', () => {
  it('refreshes at once and every interval, one at a time, and stops after the one under way', async () => {
    let started = 0;
    let running = 0;
    let overlapped = false;
    let finished = 0;
    const views = {
      refresh: async () => {
        started++;
        running++;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
        finished++;
        return 0;
      },
    };
    const refresh = startRecentViewRefresh(views, { logger, intervalMs: 10 });
    expect(started).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await refresh.stop();
    const stoppedAt = started;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(finished).toBe(started);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toBe(stoppedAt);
  });
});
