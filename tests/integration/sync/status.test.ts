import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { RequestBudget } from '../../../service/src/ado/http/requestBudget.ts';
import { openRepository } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import type { StreamStatus } from '../../../service/src/storage/tenants.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { streamState } from '../../../service/src/sync/health.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';

/** As in budget.test.ts: a budget 100 times tighter over a window 150 times shorter, so pacing is steady. */
const WINDOW_MS = 2_000;

let simulator: RunningSimulator;
let repository: SeikaRepository;

beforeAll(async () => {
  simulator = await startSimulator({
    seed: 17,
    scale: 'demo',
    // History up to today, as a real organization's: progress is measured against the current time.
    rateLimit: { limit: 2, windowMs: WINDOW_MS },
  });
  repository = await openRepository({ kind: 'sqlite', path: ':memory:' });
});

afterAll(async () => {
  await repository.close();
  await simulator.close();
});

describe('sync status during a paced first sync', () => {
  it('says it is paced while it waits, reports waits as wall time, and its ETA comes true', async () => {
    const statuses: StreamStatus[] = [];
    const started = Date.now();
    const report = await syncOrganization({
      onStatus: (status) => statuses.push(status),
      repository,
      createConnection: createAdoConnection,
      connectionOptions: { budget: new RequestBudget({ windowMs: WINDOW_MS, reserve: 0.2 }) },
      logger: silentLogger,
      maxPageSize: 50,
      streams: ['work.metadata', REVISIONS_STREAM, 'wit.reporting.links'],
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    const wallSeconds = (Date.now() - started) / 1000;

    // While waiting: saved at the start of the wait, with when it resumes, and read as "paced".
    const duringWaits = statuses.filter(
      (status) => status.phase === 'collecting' && (status.resumesAt ?? 0) > status.updatedAt,
    );
    expect(duringWaits.length).toBeGreaterThan(0);
    for (const status of duringWaits) {
      expect(streamState(status, 300_000, status.updatedAt)).toBe('paced');
    }
    // Three streams waited at the same time: the figure is wall time, never more than the run lasted.
    const paced = Math.max(...statuses.map((status) => status.rateLimit?.pacedSeconds ?? 0));
    expect(paced).toBeGreaterThan(0);
    expect(paced).toBeLessThanOrEqual(wallSeconds);

    // The first-sync ETA given midway matches the actual finish within a quarter of the run.
    const revisions = statuses.filter((status) => status.stream === REVISIONS_STREAM);
    const finished = revisions.find((status) => status.phase === 'done');
    const startedAt = revisions[0]?.startedAt;
    if (finished === undefined || startedAt === undefined || startedAt === null) throw new Error('no run');
    const duration = finished.updatedAt - startedAt;
    const midway = revisions.find(
      (status) =>
        status.phase === 'collecting' &&
        status.estimatedSecondsLeft !== null &&
        status.updatedAt - startedAt >= duration / 2,
    );
    if (midway === undefined || midway.estimatedSecondsLeft === null) throw new Error('no ETA midway');
    const predicted = midway.updatedAt + midway.estimatedSecondsLeft * 1000;
    console.log(
      JSON.stringify({
        durationMs: duration,
        etaErrorMs: predicted - finished.updatedAt,
        pacedSeconds: paced,
        wallSeconds,
        revisions: report.revisions,
      }),
    );
    expect(Math.abs(predicted - finished.updatedAt)).toBeLessThanOrEqual(duration / 4);
  });
});
