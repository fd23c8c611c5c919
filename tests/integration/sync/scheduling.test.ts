import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureBackoffMs, MAX_FAILURE_BACKOFF_MS } from '../../../service/src/sync/syncWorker.ts';
import type { SyncJobQueue } from '../../../service/src/storage/tenants.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const SECOND = 1_000;
const INTERVAL = 300 * SECOND;
const LEASE = 60 * SECOND;
const ORG = 'fabrikam';

describe.each(BACKENDS)('sync job scheduling on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let test: TestRepository;
  let jobs: SyncJobQueue;

  beforeEach(async () => {
    directory = temporaryDirectory('scheduling');
    test = await openTestRepository(backend, directory.path, 'jobs');
    jobs = test.storage.jobs;
  });

  afterEach(async () => {
    await test.dispose();
    directory.remove();
  });

  it('runs full syncs at their interval while hooks fire every second for a simulated hour', async () => {
    await jobs.ensure(ORG, T0);
    const fullRuns: number[] = [];
    let hookRuns = 0;
    // Each run takes 2 s; a hook for the revisions stream arrives every second, also during runs.
    for (let now = T0; now < T0 + 3_600 * SECOND; now += SECOND) {
      await jobs.request(ORG, ['wit.reporting.revisions'], now);
      const claim = await jobs.claim('worker', now, LEASE);
      if (claim === undefined) continue;
      if (claim.requestedStreams === 'all') fullRuns.push((now - T0) / SECOND);
      else hookRuns += 1;
      await jobs.request(ORG, ['wit.reporting.revisions'], now + SECOND);
      now += 2 * SECOND;
      await jobs.complete(claim, 'worker', now + INTERVAL, now);
    }
    // A full run at the start, then one per interval after each full run ended: 12 in the hour.
    expect(fullRuns).toEqual(Array.from({ length: 12 }, (_, index) => index * (INTERVAL / SECOND + 3)));
    expect(hookRuns).toBeGreaterThan(500);
  });

  it('holds hook-triggered runs back during a failure back-off, capped', async () => {
    await jobs.ensure(ORG, T0);
    const claim = await jobs.claim('worker', T0, LEASE);
    if (claim === undefined) throw new Error('no claim');
    const backoff = failureBackoffMs(claim.attempts);
    await jobs.fail(ORG, 'worker', 'Azure DevOps answered 500', T0 + backoff);
    await jobs.request(ORG, ['wit.reporting.revisions'], T0 + SECOND);
    expect(await jobs.claim('worker', T0 + backoff - SECOND, LEASE)).toBeUndefined();
    expect(await jobs.claim('worker', T0 + backoff, LEASE)).toMatchObject({ requestedStreams: 'all' });
    expect(failureBackoffMs(1)).toBe(30 * SECOND);
    expect(failureBackoffMs(2)).toBe(60 * SECOND);
    expect(failureBackoffMs(50)).toBe(MAX_FAILURE_BACKOFF_MS);
  });

  it('retries a failed stream after its back-off without holding back the next full run', async () => {
    await jobs.ensure(ORG, T0);
    const claim = await jobs.claim('worker', T0, LEASE);
    if (claim === undefined) throw new Error('no claim');
    await jobs.complete(claim, 'worker', T0 + INTERVAL, T0 + SECOND, {
      streams: ['build.builds'],
      at: T0 + 30 * SECOND,
      error: 'Sync of fabrikam failed for build.builds (500)',
    });
    expect(await jobs.claim('worker', T0 + 29 * SECOND, LEASE)).toBeUndefined();
    const retry = await jobs.claim('worker', T0 + 30 * SECOND, LEASE);
    expect(retry?.requestedStreams).toEqual(['build.builds']);
    if (retry === undefined) throw new Error('no claim');
    await jobs.complete(retry, 'worker', T0 + 31 * SECOND + INTERVAL, T0 + 31 * SECOND);
    expect(await jobs.describe(ORG)).toMatchObject({ fullDueAt: T0 + INTERVAL, dueAt: T0 + INTERVAL });
    expect(await jobs.claim('worker', T0 + INTERVAL, LEASE)).toMatchObject({ requestedStreams: 'all' });
  });
});
