/**
 * The delivery view reads a pull request's commits and work items, and a build's commits, aggregated in
 * the database (one row per pull request and per build). On the simulator's realistic organization,
 * synced into each database, every record and every figure of several ranges equals what the row-wise
 * reads (rowWiseReads.ts, the reads before) gave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { computeDeliveryMetrics } from '../../../service/src/metrics/delivery/index.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { DeliveryRecords, ProjectScope } from '../../../service/src/storage/delivery/repository.ts';
import { openPostgresDatabase } from '../../../service/src/storage/postgres/postgresDatabase.ts';
import type { SqlDatabase } from '../../../service/src/storage/sql/sqlDatabase.ts';
import { openSqliteDatabase } from '../../../service/src/storage/sqlite/sqliteDatabase.ts';
import { deliveryInputFrom } from '../../../service/src/sync/normalise/delivery/input.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { rowWiseBuildCommits, rowWiseChanges } from './rowWiseReads.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const RANGES = [
  { from: '2026-05-01', to: '2026-05-31' },
  { from: '2026-04-06', to: '2026-04-19' },
  { from: '2026-03-01', to: '2026-05-31' },
  { from: '2025-06-01', to: '2026-05-31' },
];

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  directory = temporaryDirectory('aggregated-delivery-reads');
  simulator = await startSimulator({ seed: 29, scale: 'tiny', now: NOW, gitHistory: 'realistic' });
}, 60_000);

afterAll(async () => {
  await simulator.close();
  directory.remove();
});

/** A second connection to the store's database, for the reference reads. */
function referenceDatabase(store: TestRepository): Promise<SqlDatabase> {
  const { target } = store;
  return target.kind === 'sqlite'
    ? Promise.resolve(openSqliteDatabase(target.path))
    : openPostgresDatabase({
        connectionString: target.connectionString,
        ...(target.schema === undefined ? {} : { schema: target.schema }),
        maxConnections: 1,
      });
}

describe.each(BACKENDS)('aggregated delivery reads in %s', (backend) => {
  let store: TestRepository;
  let reference: SqlDatabase;
  let projects: string[];

  beforeAll(async () => {
    store = await openTestRepository(backend, directory.path, `aggregated-${backend}`);
    await syncOrganization({
      repository: store.repository,
      delivery: store.storage.delivery,
      createConnection: createAdoConnection,
      logger: silentLogger,
      maxPageSize: 100,
      streams: 'all',
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    reference = await referenceDatabase(store);
    const deployments = await store.storage.delivery.listDeployments(simulator.organization);
    projects = [...new Set(deployments.map((deployment) => deployment.project))].sort();
  }, 180_000);

  afterAll(async () => {
    await reference.close();
    await store.dispose();
  });

  it('reads every change and build commit as the row-wise reads did, in the same order', async () => {
    const { delivery } = store.storage;
    const organization = simulator.organization;
    expect(projects.length).toBeGreaterThan(0);
    const scopes: ProjectScope[] = [undefined, [], projects, ...projects.map((project) => [project])];
    for (const scope of scopes) {
      expect(await delivery.listChanges(organization, scope)).toEqual(
        await rowWiseChanges(reference, organization, scope),
      );
      expect(await delivery.listBuildCommits(organization, scope)).toEqual(
        await rowWiseBuildCommits(reference, organization, scope),
      );
    }
    // The organization holds what the aggregation has to get right.
    const changes = await delivery.listChanges(organization);
    const pullRequests = changes.filter((change) => change.kind === 'pullRequest');
    expect(pullRequests.some((change) => (change.ownCommits?.length ?? 0) > 1)).toBe(true);
    expect(pullRequests.some((change) => change.workItemIds.length > 0)).toBe(true);
    expect(changes.some((change) => change.kind === 'commit')).toBe(true);
    const buildCommits = await delivery.listBuildCommits(organization);
    expect(buildCommits.some((build) => build.commitShas.length > 1)).toBe(true);
  });

  it('gives every figure of several ranges that the row-wise reads gave', async () => {
    const organization = simulator.organization;
    let measured = 0;
    for (const project of projects) {
      const records = await store.storage.delivery.readDeliveryRecords(organization, { projects: [project] });
      const rowWise: DeliveryRecords = {
        ...records,
        changes: await rowWiseChanges(reference, organization, [project]),
        buildCommits: await rowWiseBuildCommits(reference, organization, [project]),
      };
      const input = deliveryInputFrom(records, { timeZone: 'Asia/Tokyo' });
      const rowWiseInput = deliveryInputFrom(rowWise, { timeZone: 'Asia/Tokyo' });
      for (const range of RANGES) {
        const request = { ...range, sprints: [], weekly: true, drillDown: true };
        const report = computeDeliveryMetrics(input, request);
        expect(JSON.stringify(report)).toEqual(JSON.stringify(computeDeliveryMetrics(rowWiseInput, request)));
        if (report.window.leadTimeForChanges.status === 'ok') measured++;
      }
    }
    // Lead time for changes (what the aggregated reads feed) was measured, not only withheld.
    expect(measured).toBeGreaterThan(0);
  });
});
