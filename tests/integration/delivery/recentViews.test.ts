/**
 * The hubs' recent delivery views are answered again after a sync run of their organization (over the
 * hand-made data set in SQLite): after the data changed, the replay computes the new answer, and the next
 * person's view is then served without a computation and equals a fresh service's answer. Only the
 * organization's views, each distinct view once, none older than the age limit, no more than the count
 * limit; a view that fails now is dropped and logged while the others are still answered.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryPath, DeliveryQuery } from '../../../service/src/contract/index.ts';
import { createLogger } from '../../../service/src/logger.ts';
import { recentDeliveryViews } from '../../../service/src/services/delivery/recentViews.ts';
import type { DeliveryService } from '../../../service/src/services/delivery/service.ts';
import { countingDeliveryService, seededStorageForSuite } from './recentViewsSupport.ts';
import { addCheckoutDeployment, LABS, SHOP } from './seed.ts';

const ORG = 'contoso';
const MAY: DeliveryQuery = { from: '2026-05-01', to: '2026-05-31' };
const SPRING: DeliveryQuery = { from: '2026-03-01', to: '2026-05-31' };
const shop: DeliveryPath = { organization: ORG, project: SHOP };

describe('recent delivery views answered again after a sync run', () => {
  const storage = seededStorageForSuite('recent-views', ORG);
  let computations = 0;
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });

  const answers = (): DeliveryService =>
    countingDeliveryService(storage(), ORG, () => {
      computations++;
    });

  it('computes the changed answer in the replay, so the next view is served from it', async () => {
    const recent = recentDeliveryViews(answers(), { logger });
    const before = await (await recent.service.open(shop)).summary(MAY);
    await (await recent.service.open(shop)).trend(SPRING);
    const afterViews = computations;

    // Nothing changed: the replay finds both answers computed.
    expect(await recent.replay(ORG)).toBe(2);
    expect(computations).toBe(afterViews);

    await addCheckoutDeployment(storage(), ORG);
    expect(await recent.replay(ORG)).toBe(2);
    expect(computations).toBe(afterViews + 2);

    const next = await (await recent.service.open(shop)).summary(MAY);
    expect(computations).toBe(afterViews + 2);
    expect(next.window.deploymentFrequency).not.toEqual(before.window.deploymentFrequency);
    const fresh = await (await answers().open(shop)).summary(MAY);
    expect(next).toEqual(fresh);
  });

  it("answers the organization's views only, each distinct view once", async () => {
    const recent = recentDeliveryViews(answers(), { logger });
    for (let n = 0; n < 3; n++) await (await recent.service.open(shop)).summary(MAY);
    // A figure endpoint alone is not how a hub opens: not remembered.
    await (await recent.service.open(shop)).deploymentFrequency(SPRING);
    expect(await recent.replay('another-organization')).toBe(0);
    expect(await recent.replay(ORG)).toBe(1);
  });

  it('forgets views older than the age limit and keeps the most recent within the count limit', async () => {
    let now = 1_000_000;
    const recent = recentDeliveryViews(answers(), { logger, maxAgeMs: 60_000, maxViews: 2, now: () => now });
    await (await recent.service.open(shop)).summary(MAY);
    now += 50_000;
    await (await recent.service.open(shop)).summary(SPRING);
    now += 20_000;
    expect(await recent.replay(ORG)).toBe(1);
    now += 100_000;
    expect(await recent.replay(ORG)).toBe(0);

    const ranges = ['2026-01-01', '2026-02-01', '2026-03-01'].map((from) => ({ from, to: '2026-05-31' }));
    for (const range of ranges) await (await recent.service.open(shop)).summary(range);
    expect(await recent.replay(ORG)).toBe(2);
  });

  it('drops a view that fails now, says why, and still answers the others', async () => {
    // Labs' view fails once its team mapping is gone, as open() then refuses it.
    let labsMapped = true;
    const recent = recentDeliveryViews(
      {
        open: async (path) => {
          if (path.project === LABS && !labsMapped) throw new Error('Team "Apps" is not mapped');
          return answers().open(path);
        },
      },
      { logger },
    );
    await (await recent.service.open(shop)).summary(MAY);
    await (await recent.service.open({ ...shop, project: LABS })).summary(MAY);
    logLines.length = 0;
    labsMapped = false;
    expect(await recent.replay(ORG)).toBe(1);
    expect(logLines.join('\n')).toContain('Team \\"Apps\\" is not mapped');
    // Dropped: mapped again, it is not answered until someone views it.
    labsMapped = true;
    expect(await recent.replay(ORG)).toBe(1);
  });
});
