import { afterEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { RequestBudget } from '../../../service/src/ado/http/requestBudget.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { openRepository } from '../../../service/src/app/openRepository.ts';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import type { StreamStatus } from '../../../service/src/storage/tenants.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
/**
 * A budget 100 times tighter than Azure DevOps (2 TSTUs) over a window 150 times shorter (2 s). One
 * request costs up to a tenth of it here (a thousandth on the real service), so the reserve is larger.
 */
const WINDOW_MS = 2_000;
const LIMIT = 2;

const opened: SeikaRepository[] = [];
const simulators: RunningSimulator[] = [];

afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
  for (const simulator of simulators.splice(0)) await simulator.close();
});

async function syncInto(simulator: RunningSimulator, budget?: RequestBudget) {
  const repository = await openRepository({ kind: 'sqlite', path: ':memory:' });
  opened.push(repository);
  const statuses: StreamStatus[] = [];
  const report = await syncOrganization({
    onStatus: (status) => statuses.push(status),
    repository,
    createConnection: createAdoConnection,
    ...(budget === undefined ? {} : { connectionOptions: { budget } }),
    logger: silentLogger,
    maxPageSize: 50,
    streams: ['work.metadata', 'wit.reporting.revisions', 'wit.reporting.links'],
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
  return { repository, report, statuses };
}

describe('sync within a tight TSTU budget', () => {
  it('paces itself from X-RateLimit-Remaining so that no answer is delayed or refused, and loses nothing', async () => {
    const tight = await startSimulator({
      seed: 17,
      scale: 'demo',
      now: NOW,
      rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
    });
    const free = await startSimulator({ seed: 17, scale: 'demo', now: NOW, rateLimit: { enabled: false } });
    simulators.push(tight, free);
    const budget = new RequestBudget({ windowMs: WINDOW_MS, reserve: 0.2 });
    const [paced, unpaced] = await Promise.all([syncInto(tight, budget), syncInto(free)]);

    // The sync spent several windows' worth, so it had to pace itself to stay within the limit.
    expect(tight.tstuCharged()).toBeGreaterThan(3 * LIMIT);
    expect(budget.state().waitedMs).toBeGreaterThan(0);
    expect(budget.state().costPerRequest).toBeGreaterThan(0);
    expect(tight.requestLog.filter((entry) => entry.status === 429)).toEqual([]);
    expect(tight.delayedResponses()).toBe(0);
    // The status API tells the admin the slowness is deliberate.
    const pacedSeconds = Math.max(...paced.statuses.map((status) => status.rateLimit?.pacedSeconds ?? 0));
    expect(pacedSeconds).toBeGreaterThan(0);
    expect(pacedSeconds).toBeCloseTo(budget.state().waitedMs / 1000, 0);

    expect(paced.report.revisions).toBe(unpaced.report.revisions);
    expect(await flowSnapshot(paced.repository, tight.organization, tight.project)).toEqual(
      await flowSnapshot(unpaced.repository, free.organization, free.project),
    );
  });
});
