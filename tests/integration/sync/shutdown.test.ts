import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openRepository, openStorage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { describeSyncHealth } from '../../../service/src/sync/health.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { spawnTypeScript } from '../../support/childProcess.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { eventually, TEST_EXTENSION_SECRET } from '../../support/startTestService.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const FLOW_STREAMS = ['work.metadata', 'wit.reporting.revisions', 'wit.reporting.links'];
const ENCRYPTION_KEY = randomBytes(32).toString('base64');

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;

function serve() {
  return spawnTypeScript('service/src/main.ts', ['serve'], {
    SEIKA_DATA_DIR: directory.path,
    SEIKA_PORT: '0',
    SEIKA_EXTENSION_SECRET: TEST_EXTENSION_SECRET,
    SEIKA_ENCRYPTION_KEY: ENCRYPTION_KEY,
    SEIKA_ORGANIZATION_URL: simulator.organizationUrl,
    SEIKA_PAT: simulator.pat,
    SEIKA_ALLOWED_ORGANIZATION_ORIGINS: simulator.origin,
    SEIKA_WORKER_POLL_MS: '100',
    SEIKA_SYNC_PAGE_SIZE: '20',
    SEIKA_LOG_LEVEL: 'info',
  });
}

beforeAll(async () => {
  directory = temporaryDirectory('shutdown');
  // 12 TSTUs per five minutes: the sync soon paces itself, with waits of minutes.
  simulator = await startSimulator({
    seed: 23,
    scale: 'tiny',
    now: new Date('2026-06-01T00:00:00Z'),
    rateLimit: { limit: 12 },
  });
});

afterAll(async () => {
  await simulator.close();
  directory.remove();
});

describe('serve on SIGTERM', () => {
  it('says it is paced while it waits, exits within 10 s of SIGTERM, and a restart ends with identical data', async () => {
    const first = serve();
    const storage = await openStorage({ kind: 'sqlite', path: join(directory.path, 'seika.sqlite') });
    try {
      // The status tells the truth while the wait is going on: paced, with when it resumes.
      const paced = await eventually(
        'the sync to be paced by the rate limit',
        async () => {
          const statuses = await storage.streamStatus.list(simulator.organization);
          const health = describeSyncHealth({
            organization: simulator.organization,
            statuses,
            job: await storage.jobs.describe(simulator.organization),
            features: new Map(),
            quarantined: new Map(),
            intervalMs: 300_000,
            now: Date.now(),
          });
          return health.streams.find((stream) => stream.state === 'paced');
        },
        60_000,
      );
      expect(Date.parse(paced.resumesAt ?? '')).toBeGreaterThan(Date.now());

      const signalled = Date.now();
      first.child.kill('SIGTERM');
      const exit = await first.exited;
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(exit.code).toBe(0);
      expect(first.output()).not.toContain('"sync finished"');
      // Nothing is left "collecting" by the process that stopped.
      const statuses = await storage.streamStatus.list(simulator.organization);
      expect(statuses.filter((status) => status.phase === 'collecting')).toEqual([]);
    } finally {
      await storage.close();
    }

    simulator.setRateLimit({ enabled: false });
    const second = serve();
    try {
      await eventually(
        'the restarted service to finish the sync',
        async () => (second.output().includes('"sync finished"') ? true : undefined),
        60_000,
      );
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    const restarted = await openRepository({ kind: 'sqlite', path: join(directory.path, 'seika.sqlite') });
    const reference = await openRepository({ kind: 'sqlite', path: ':memory:' });
    try {
      await syncOrganization({
        repository: reference,
        createConnection: createAdoConnection,
        logger: silentLogger,
        streams: FLOW_STREAMS,
        target: {
          organization: simulator.organization,
          organizationUrl: simulator.organizationUrl,
          personalAccessToken: simulator.pat,
        },
      });
      expect(await flowSnapshot(restarted, simulator.organization, simulator.project)).toEqual(
        await flowSnapshot(reference, simulator.organization, simulator.project),
      );
    } finally {
      await restarted.close();
      await reference.close();
    }
  });
});
