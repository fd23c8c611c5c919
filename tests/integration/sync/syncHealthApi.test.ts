import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quarantineResponseSchema, syncHealthResponseSchema } from '../../../service/src/contract/index.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { eventually, startTestService, type TestService } from '../../support/startTestService.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

describe('sync health and quarantine over the API', () => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let database: TestRepository;
  let test: TestService;

  beforeEach(async () => {
    directory = temporaryDirectory('sync-health');
    simulator = await startSimulator({ seed: 21, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    database = await openTestRepository('sqlite', directory.path, 'service');
    await database.storage.close();
    test = await startTestService(database.target, { maxPageSize: 50, simulator });
  });

  afterEach(async () => {
    await test.service.close();
    await simulator.close();
    await database.dispose().catch(() => undefined);
    directory.remove();
  });

  it('reports every stream fresh after the first sync, with flow data dated, and an empty quarantine', async () => {
    const connected = await test.api('/organizations', {
      method: 'POST',
      body: {
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
        subscribeToEvents: false,
      },
    });
    expect(connected.status).toBe(201);
    const health = await eventually('the first sync', async () => {
      const response = await test.api(`/organizations/${simulator.organization}/sync-health`);
      expect(response.status).toBe(200);
      const parsed = syncHealthResponseSchema.parse(response.body);
      return parsed.flowDataAsOf === null ? undefined : parsed;
    });
    expect(health.flowState).toBe('fresh');
    expect(
      health.streams.filter((stream) => stream.feature === 'flow').map((stream) => stream.state),
    ).toEqual(['fresh', 'fresh', 'fresh']);
    expect(health.nextRunAt).not.toBeNull();
    // The organization's first sync: the streams never synced once (delivery may still be reading).
    const neverSynced = health.streams.filter(
      (stream) => stream.lastSucceededAt === null && stream.state !== 'needs_scope',
    );
    expect(health.firstSync?.streamsLeft ?? 0).toBe(neverSynced.length);

    const quarantine = await test.api(`/organizations/${simulator.organization}/quarantine`);
    expect(quarantine.status).toBe(200);
    expect(quarantineResponseSchema.parse(quarantine.body).records).toEqual([]);
  });
});
