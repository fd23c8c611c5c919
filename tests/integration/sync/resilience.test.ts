import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import type { Clock } from '../../../service/src/ado/http/requestBudget.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { openRepository } from '../../../service/src/app/openRepository.ts';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';

/** Real time, but backoff and Retry-After waits are cut short so the test runs in seconds. */
const hurriedClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, Math.min(milliseconds, 5))),
};

const NOW = new Date('2026-06-01T00:00:00Z');
const opened: SeikaRepository[] = [];
let faulty: RunningSimulator;
let clean: RunningSimulator;

async function syncInto(simulator: RunningSimulator, retries: { count: number }) {
  const repository = await openRepository({ kind: 'sqlite', path: ':memory:' });
  opened.push(repository);
  const report = await syncOrganization({
    repository,
    createConnection: createAdoConnection,
    connectionOptions: { clock: hurriedClock, random: () => 0.5, onRetry: () => (retries.count += 1) },
    logger: silentLogger,
    maxPageSize: 40,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
  return { repository, report };
}

beforeEach(async () => {
  clean = await startSimulator({ seed: 61, scale: 'demo', now: NOW });
  faulty = await startSimulator({
    seed: 61,
    scale: 'demo',
    now: NOW,
    // Only the data endpoints: the library's route discovery (OPTIONS) is not retried by it.
    faults: {
      seed: 3,
      pathPattern: '/_apis/(wit|work|build|distributedtask|git|release|projects)',
      errorRate: 0.08,
      resetRate: 0.05,
      truncateRate: 0.05,
      throttle: { rate: 0.04, retryAfterSeconds: 2 },
    },
  });
});

afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
  await clean.close();
  await faulty.close();
});

describe('sync through faults', () => {
  it('retries 5xx, resets, truncated bodies and 429 bursts, and ends with exactly the clean data', async () => {
    const faultyRetries = { count: 0 };
    const cleanRetries = { count: 0 };
    const [withFaults, withoutFaults] = await Promise.all([
      syncInto(faulty, faultyRetries),
      syncInto(clean, cleanRetries),
    ]);
    expect(faultyRetries.count).toBeGreaterThan(3);
    expect(cleanRetries.count).toBe(0);
    expect(withFaults.report.revisions).toBe(withoutFaults.report.revisions);
    expect(await flowSnapshot(withFaults.repository, faulty.organization, faulty.project)).toEqual(
      await flowSnapshot(withoutFaults.repository, clean.organization, clean.project),
    );
    const statuses = faulty.requestLog.map((entry) => entry.status);
    expect(statuses.some((status) => status >= 500)).toBe(true);
    expect(statuses).toContain(429);
  });

  it('gives up with the last error when a failure persists, and moves no watermark', async () => {
    // The library asks for `workItemRevisions`; fault patterns are case-sensitive.
    faulty.setFaults({
      pathPattern: 'reporting/[Ww]ork[Ii]tem[Rr]evisions',
      errorRate: 1,
      errorStatuses: [503],
    });
    const repository = await openRepository({ kind: 'sqlite', path: ':memory:' });
    opened.push(repository);
    await expect(
      syncOrganization({
        repository,
        createConnection: createAdoConnection,
        connectionOptions: { clock: hurriedClock, maxAttempts: 3 },
        logger: silentLogger,
        target: {
          organization: faulty.organization,
          organizationUrl: faulty.organizationUrl,
          personalAccessToken: faulty.pat,
        },
      }),
    ).rejects.toThrow(/503|Service Unavailable/i);
    expect(await repository.getWatermark(faulty.organization, 'wit.reporting.revisions')).toBeUndefined();
  });
});
