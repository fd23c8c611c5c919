/**
 * The linked input the sync stores for each project after a run, synced from the simulator's realistic
 * organization into each database: it is current after the sync; every figure of several ranges, under
 * the default production mark and another, equals linking the records in the view; the service answers a
 * project's view from it without reading the records, with the answers of a service that links them; a
 * later delivery write makes it stale (the view links the records again) until the sync stores it anew,
 * and an input made at an older version never replaces a newer one; failing to store it fails no sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../service/src/logger.ts';
import { computeDeliveryMetrics, type ProductionRules } from '../../../service/src/metrics/delivery/index.ts';
import { createDeliveryService } from '../../../service/src/services/delivery/service.ts';
import { staticOrganizationDirectory } from '../../../service/src/services/organizationDirectory.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { DeliveryRepository } from '../../../service/src/storage/delivery/repository.ts';
import {
  deliveryInputFrom,
  deliveryInputFromLinked,
} from '../../../service/src/sync/normalise/delivery/input.ts';
import { storeLinkedInputs } from '../../../service/src/sync/normalise/delivery/linkedInputs.ts';
import { DEPLOYMENT_CHANGES_STREAM } from '../../../service/src/sync/collect/delivery/deploymentChanges.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { syncSimulator } from '../../support/syncSimulator.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const RANGES = [
  { from: '2026-05-01', to: '2026-05-31' },
  { from: '2026-03-01', to: '2026-05-31' },
  { from: '2025-06-01', to: '2026-05-31' },
];
const RULES: readonly (ProductionRules | undefined)[] = [
  undefined,
  { default: { environmentNamePattern: 'stag', stageNamePattern: 'stag' } },
];

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  directory = temporaryDirectory('linked-delivery-inputs');
  simulator = await startSimulator({ seed: 29, scale: 'tiny', now: NOW, gitHistory: 'realistic' });
}, 60_000);

afterAll(async () => {
  await simulator.close();
  directory.remove();
});

/** The delivery storage, counting record reads, or without a stored linked input (the view links). */
function observed(delivery: DeliveryRepository, hideStored: boolean, reads: { records: number }) {
  return new Proxy(delivery, {
    get(target, property, receiver) {
      if (property === 'readDeliveryRecords') reads.records += 1;
      if (hideStored && property === 'readLinkedInput') return () => Promise.resolve(undefined);
      return Reflect.get(target, property, receiver);
    },
  });
}

describe.each(BACKENDS)('linked delivery inputs in %s', (backend) => {
  let store: TestRepository;
  let projects: string[];
  const organization = () => simulator.organization;

  beforeAll(async () => {
    store = await openTestRepository(backend, directory.path, `linked-${backend}`);
    await syncSimulator(simulator, {
      repository: store.repository,
      delivery: store.storage.delivery,
      maxPageSize: 100,
      streams: 'all',
    });
    const deployments = await store.storage.delivery.listDeployments(simulator.organization);
    projects = [...new Set(deployments.map((deployment) => deployment.project))].sort();
  }, 180_000);

  afterAll(async () => {
    await store.dispose();
  });

  it('stores each project’s linked input at its current delivery data version', async () => {
    const { delivery } = store.storage;
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      const stored = await delivery.readLinkedInput(organization(), project);
      expect(stored?.dataVersion).toBe(await delivery.deliveryDataVersion(organization(), project));
      expect(stored?.deployments.length).toBe(
        (await delivery.listDeployments(organization(), [project])).length,
      );
      // In finish order, then id; unfinished last.
      const keys = (stored?.deployments ?? []).map(
        (d) => [d.finishedAt ?? Number.POSITIVE_INFINITY, d.id] as const,
      );
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(keys).toEqual(sorted);
      expect(new Set(keys.map((key) => key[0])).size).toBeGreaterThan(1);
    }
  });

  it('gives every figure of several ranges that linking in the view gives, under either mark', async () => {
    const { delivery } = store.storage;
    let measured = 0;
    for (const project of projects) {
      const records = await delivery.readDeliveryRecords(organization(), { projects: [project] });
      const stored = await delivery.readLinkedInput(organization(), project);
      if (stored === undefined) throw new Error(`no stored linked input for ${project}`);
      for (const production of RULES) {
        const options = { timeZone: 'Asia/Tokyo', ...(production === undefined ? {} : { production }) };
        const linked = deliveryInputFromLinked(stored, records, options);
        const viewed = deliveryInputFrom(records, options);
        for (const range of RANGES) {
          const request = { ...range, sprints: [], weekly: true, drillDown: true };
          const report = computeDeliveryMetrics(linked, request);
          expect(JSON.stringify(report)).toBe(JSON.stringify(computeDeliveryMetrics(viewed, request)));
          if (report.window.leadTimeForChanges.status === 'ok') measured++;
        }
      }
    }
    expect(measured).toBeGreaterThan(0);
  });

  it('answers a project’s view from it, as a service that links the records answers', async () => {
    const reads = { records: 0 };
    const service = (hideStored: boolean) =>
      createDeliveryService({
        repository: store.repository,
        delivery: observed(store.storage.delivery, hideStored, reads),
        settings: store.storage.deliverySettings,
        organizations: staticOrganizationDirectory([
          { name: organization(), url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
        ]),
      });
    const [fromStored, fromRecords] = [service(false), service(true)];
    for (const project of projects) {
      const path = { organization: organization(), project };
      const [stored, linked] = [await fromStored.open(path), await fromRecords.open(path)];
      for (const range of RANGES) {
        const before = reads.records;
        const page = { ...range, offset: 0, limit: 50 };
        expect(await stored.summary(range)).toEqual(await linked.summary(range));
        expect(await stored.leadTime(range)).toEqual(await linked.leadTime(range));
        expect(await stored.changes(page)).toEqual(await linked.changes(page));
        expect(await stored.deployments(page)).toEqual(await linked.deployments(page));
        expect(await stored.incidents(page)).toEqual(await linked.incidents(page));
        // Only the service without the stored input read the records (once per project).
        expect(reads.records - before).toBeLessThanOrEqual(1);
      }
    }
    expect(reads.records).toBe(projects.length);
  });

  it('is stale after a delivery write, until the sync stores it again', async () => {
    const { delivery } = store.storage;
    const project = projects[0] ?? '';
    const [row] = await delivery.listDeployments(organization(), [project]);
    if (row === undefined) throw new Error('no deployment to write again');
    const page = {
      stream: 'distributedtask.environmentDeployments',
      requestUrl: 'https://example.test/linked-inputs/rewrite',
      requestToken: null,
      responseToken: null,
      isLastBatch: true,
      itemCount: 1,
      body: '{"value":[]}',
    };
    await delivery.applyDeploymentsPage(organization(), page, [row]);
    expect(await delivery.readLinkedInput(organization(), project)).toBeUndefined();
    expect(await storeLinkedInputs(delivery, organization(), projects)).toBe(1);
    const stored = await delivery.readLinkedInput(organization(), project);
    expect(stored?.dataVersion).toBe(await delivery.deliveryDataVersion(organization(), project));
    // Current again: the next run links nothing.
    expect(await storeLinkedInputs(delivery, organization(), projects)).toBe(0);
    // A run that read an older version finishing later leaves the newer input in place.
    if (stored === undefined) return;
    await delivery.saveLinkedInput(organization(), project, {
      ...stored,
      dataVersion: stored.dataVersion - 1,
    });
    expect((await delivery.readLinkedInput(organization(), project))?.dataVersion).toBe(stored.dataVersion);

    // Storing it is a shortcut for the views: when it fails, the stream still succeeds and says so.
    await delivery.applyDeploymentsPage(organization(), { ...page, requestUrl: `${page.requestUrl}/2` }, [
      row,
    ]);
    const lines: string[] = [];
    const failing = new Proxy(delivery, {
      get(target, property, receiver) {
        if (property === 'saveLinkedInput') return () => Promise.reject(new Error('disk full'));
        return Reflect.get(target, property, receiver);
      },
    });
    await syncSimulator(simulator, {
      repository: store.repository,
      delivery: failing,
      logger: createLogger({ write: (line) => lines.push(line) }),
      streams: [DEPLOYMENT_CHANGES_STREAM],
    });
    const warned = lines.some(
      (line) => line.includes('linked inputs not stored') && line.includes('disk full'),
    );
    expect(warned).toBe(true);
    expect(await delivery.readLinkedInput(organization(), project)).toBeUndefined();
  });
});
