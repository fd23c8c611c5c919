import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { createSecretBox } from '../../../service/src/security/secretBox.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { failureBackoffMs, SyncWorker } from '../../../service/src/sync/syncWorker.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const INTERVAL = 300_000;

describe('the sync worker when one stream fails', () => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let test: TestRepository;

  beforeEach(async () => {
    directory = temporaryDirectory('worker');
    simulator = await startSimulator({ seed: 9, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    test = await openTestRepository('sqlite', directory.path, 'worker');
  });

  afterEach(async () => {
    await test.dispose();
    await simulator.close();
    directory.remove();
  });

  it('moves the next full run on, and brings back only the failed stream after its back-off', async () => {
    const { storage } = test;
    const organizations = storage.organizations(createSecretBox(randomBytes(32)));
    await organizations.connect({
      name: simulator.organization,
      url: simulator.organizationUrl,
      instanceId: null,
      timeZone: 'Asia/Tokyo',
      personalAccessToken: simulator.pat,
      hookSecret: 'secret',
    });
    await storage.jobs.ensure(simulator.organization, Date.now());
    // The builds list answers 400 once: a permanent failure of that stream alone.
    simulator.setFaults({ next: [{ kind: 'status', status: 400, pathPattern: '/_apis/build/builds$' }] });
    const worker = new SyncWorker({
      repository: storage.repository,
      delivery: storage.delivery,
      jobs: storage.jobs,
      organizations,
      statusStore: storage.streamStatus,
      createConnection: createAdoConnection,
      logger: silentLogger,
      intervalMs: INTERVAL,
    });
    const before = Date.now();
    expect(await worker.runOnce()).toBe(true);
    const after = Date.now();

    const job = await storage.jobs.describe(simulator.organization);
    expect(job?.requestedStreams).toEqual(['build.builds']);
    expect(job?.lastError).toMatch(/build\.builds/);
    expect(job?.fullDueAt).toBeGreaterThanOrEqual(before + INTERVAL);
    expect(job?.dueAt).toBeGreaterThanOrEqual(before + failureBackoffMs(1));
    expect(job?.dueAt).toBeLessThanOrEqual(after + failureBackoffMs(1));
    const statuses = await storage.streamStatus.list(simulator.organization);
    const failed = statuses.filter((status) => status.phase === 'failed').map((status) => status.stream);
    expect(failed).toEqual(['build.builds']);
    expect(statuses.filter((status) => status.phase === 'done').length).toBe(statuses.length - 1);
  });
});
