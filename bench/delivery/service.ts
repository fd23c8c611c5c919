/**
 * The delivery service over SQLite at 200,000 builds: what a person waits for when the Delivery hub opens
 * a project of the synthetic organization, stored in its 50 projects (a project of 4,000 builds among the
 * organization's 200,000) and all in one project (every build in the view). Storage read, link and
 * summary (a scope's first view, service caches cold), another range of the same scope (the linked input
 * is cached), and the same view again (answered from the view cache). Each cold view starts a new
 * service, as a restarted instance would; the process has answered once before, so module loading and
 * the first JIT are not counted. Knob: BENCH_DELIVERY_STORES (a directory to keep the built stores in).
 * Like a synced store, each holds every project's linked input as the sync stores it after a run
 * (store.ts linkStoredProjects calls the sync's storeLinkedInputs): a restarted service reads it for a
 * project's first view while the project's delivery data version is the one it was made at.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { createDeliveryService } from '../../service/src/services/delivery/service.ts';
import { staticOrganizationDirectory } from '../../service/src/services/organizationDirectory.ts';
import type { BenchRow } from '../benchRow.ts';
import {
  buildDeliveryStore,
  linkStoredProjects,
  ONE_PROJECT,
  STORE_ORGANIZATION,
  type StoreLayout,
} from './store.ts';
import { syntheticOrganization } from './synthetic.ts';

const YEAR = { from: '2025-04-01', to: '2026-03-31' };
const OTHER_RANGE = { from: '2025-10-01', to: '2026-03-31' };

const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Views {
  firstMs: number;
  otherRangeMs: number;
  againMs: number;
}

type Storage = Awaited<ReturnType<typeof openStorage>>;

async function views(storage: Storage, project: string): Promise<Views> {
  const service = createDeliveryService({
    repository: storage.repository,
    delivery: storage.delivery,
    settings: storage.deliverySettings,
    organizations: staticOrganizationDirectory([
      { name: STORE_ORGANIZATION, url: 'https://dev.azure.com/bench-delivery', timeZone: 'Asia/Tokyo' },
    ]),
  });
  const summary = async (range: { from: string; to: string }) => {
    const started = performance.now();
    const session = await service.open({ organization: STORE_ORGANIZATION, project });
    const answer = await session.summary(range);
    if (answer.window.deploymentFrequency.status !== 'ok') throw new Error('the store measured nothing');
    return performance.now() - started;
  };
  const firstMs = await summary(YEAR);
  const otherRangeMs = await summary(OTHER_RANGE);
  const againMs = await summary(YEAR);
  return { firstMs, otherRangeMs, againMs };
}

const SCENARIOS: readonly { layout: StoreLayout; project: string; label: string }[] = [
  { layout: 'projects', project: 'project-0', label: 'a project of 4,000 builds among 200k' },
  { layout: 'oneProject', project: ONE_PROJECT, label: 'one project holding all 200k builds' },
];

async function scenarioRows(path: string, project: string, label: string): Promise<BenchRow[]> {
  const storage = await openStorage({ kind: 'sqlite', path });
  try {
    const warmUp = await views(storage, project);
    const runs: Views[] = [];
    for (let run = 0; run < 3; run++) runs.push(await views(storage, project));
    const at = (pick: (views: Views) => number) => round(median(runs.map(pick)));
    return [
      {
        name: `delivery service (SQLite), ${label}: first view in a fresh process`,
        value: round(warmUp.firstMs),
        unit: 'ms',
      },
      {
        name: `delivery service (SQLite), ${label}: first view (cold caches; median of 3)`,
        value: at((views) => views.firstMs),
        unit: 'ms',
        target: '< 1000 ms',
      },
      {
        name: `delivery service (SQLite), ${label}: another range (linked input cached; median of 3)`,
        value: at((views) => views.otherRangeMs),
        unit: 'ms',
      },
      {
        name: `delivery service (SQLite), ${label}: the same view again (median of 3)`,
        value: at((views) => views.againMs),
        unit: 'ms',
      },
    ];
  } finally {
    await storage.close();
  }
}

export async function runDeliveryServiceBenchmarks(): Promise<BenchRow[]> {
  const given = process.env['BENCH_DELIVERY_STORES'];
  const directory = given ?? mkdtempSync(join(tmpdir(), 'seika-bench-delivery-'));
  const rows: BenchRow[] = [];
  try {
    for (const { layout, project, label } of SCENARIOS) {
      const path = join(directory, `delivery-${layout}.sqlite`);
      if (!existsSync(path)) {
        const started = performance.now();
        await buildDeliveryStore(path, syntheticOrganization(), layout);
        const seconds = round((performance.now() - started) / 1000);
        rows.push({ name: `delivery store (${layout}): build time`, value: seconds, unit: 's' });
      }
      // What the sync does after a run (a store kept from before linked inputs were stored gets them now).
      const started = performance.now();
      const linked = await linkStoredProjects(path);
      if (linked > 0) {
        const seconds = round((performance.now() - started) / 1000);
        rows.push({
          name: `delivery store (${layout}): the sync's linking of ${linked} projects`,
          value: seconds,
          unit: 's',
        });
      }
      rows.push(...(await scenarioRows(path, project, label)));
    }
  } finally {
    if (given === undefined) rmSync(directory, { recursive: true, force: true });
  }
  return rows;
}
