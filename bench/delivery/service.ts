/**
 * The delivery service over SQLite at 200,000 builds: what a person waits for when the Delivery hub opens
 * a project of the synthetic organization, stored in its 50 projects (a project of 4,000 builds among the
 * organization's 200,000) and all in one project (every build in the view). Storage read, link and
 * summary (a scope's first view, service caches cold), another range of the same scope (the scope's
 * preparation is cached), the same view again (answered from the view cache), and the hub opening on a
 * cold instance (its summary, trend and first deployments page asked for at once). Each cold view starts a new
 * service, as a restarted instance would; the process has answered once before, so module loading and
 * the first JIT are not counted. Knob: BENCH_DELIVERY_STORES (a directory to keep the built stores in).
 * Like a synced store, each holds every project's linked input as the sync stores it after a run
 * (store.ts linkStoredProjects calls the sync's storeLinkedInputs): a restarted service reads it for a
 * project's first view while the project's delivery data version is the one it was made at. Before each
 * cold view the previous views' objects are collected (collectGarbage), as a restarted instance has none.
 * Last, a sync run changes the project: the instance that ran it answers its recent view again, and the
 * next view is timed (the store gains a raw page per run of the benchmark).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { silentLogger } from '../../service/src/logger.ts';
import { recentDeliveryViews } from '../../service/src/services/delivery/recentViews.ts';
import { createDeliveryService } from '../../service/src/services/delivery/service.ts';
import { staticOrganizationDirectory } from '../../service/src/services/organizationDirectory.ts';
import { storeLinkedInputs } from '../../service/src/sync/normalise/delivery/linkedInputs.ts';
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
  /** The hub opening on a cold instance: summary, trend and the calendar's first deployments page at once. */
  hubOpenMs: number;
}

type Storage = Awaited<ReturnType<typeof openStorage>>;

/**
 * A full collection: the previous cold view's service and its caches (some hundred MB at this size) are
 * garbage, and a restarted instance, which a cold view stands for, has no such garbage to collect.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

function deliveryService(storage: Storage) {
  return createDeliveryService({
    repository: storage.repository,
    delivery: storage.delivery,
    settings: storage.deliverySettings,
    organizations: staticOrganizationDirectory([
      { name: STORE_ORGANIZATION, url: 'https://dev.azure.com/bench-delivery', timeZone: 'Asia/Tokyo' },
    ]),
  });
}

async function views(storage: Storage, project: string): Promise<Views> {
  const service = deliveryService(storage);
  const summary = async (range: { from: string; to: string }) => {
    const started = performance.now();
    const session = await service.open({ organization: STORE_ORGANIZATION, project });
    const answer = await session.summary(range);
    if (answer.window.deploymentFrequency.status !== 'ok') throw new Error('the store measured nothing');
    return performance.now() - started;
  };
  collectGarbage();
  const firstMs = await summary(YEAR);
  const otherRangeMs = await summary(OTHER_RANGE);
  const againMs = await summary(YEAR);
  return { firstMs, otherRangeMs, againMs, hubOpenMs: await hubOpen(storage, project) };
}

/** What the Delivery hub asks for when it opens (deliveryQueries.ts), on a new service: cold caches. */
async function hubOpen(storage: Storage, project: string): Promise<number> {
  const service = deliveryService(storage);
  const path = { organization: STORE_ORGANIZATION, project };
  collectGarbage();
  const started = performance.now();
  const [summary, trend, deployments] = await Promise.all([
    service.open(path).then((session) => session.summary(YEAR)),
    service.open(path).then((session) => session.trend(YEAR)),
    service.open(path).then((session) => session.deployments({ ...YEAR, offset: 0, limit: 50 })),
  ]);
  const elapsed = performance.now() - started;
  if (summary.window.deploymentFrequency.status !== 'ok' || trend.weekly.length === 0)
    throw new Error('the store measured nothing');
  if (deployments.items.length !== 50) throw new Error('the deployments page is not full');
  return elapsed;
}

interface AfterSync {
  /** The instance's background work after the run: the recent view answered again. */
  replayMs: number;
  /** What the next person waits for. */
  nextViewMs: number;
}

/**
 * A view, then a sync run that changes the project (one deployment written again: a new data version)
 * and links it as the run's last step does; then the instance that ran it answers its recent views again
 * (recentViews.ts), and someone opens the same view.
 */
async function afterSync(storage: Storage, project: string): Promise<AfterSync> {
  const recent = recentDeliveryViews(deliveryService(storage), { logger: silentLogger });
  const path = { organization: STORE_ORGANIZATION, project };
  await (await recent.service.open(path)).summary(YEAR);
  const [deployment] = await storage.delivery.listDeployments(STORE_ORGANIZATION, [project]);
  if (deployment === undefined) throw new Error('the store has no deployment to write again');
  const page = {
    stream: 'bench.deployments',
    requestUrl: `bench://deployments/${Date.now()}`,
    requestToken: null,
    responseToken: null,
    isLastBatch: true,
    itemCount: 1,
    body: '{}',
  };
  await storage.delivery.applyDeploymentsPage(STORE_ORGANIZATION, page, [deployment]);
  await storeLinkedInputs(storage.delivery, STORE_ORGANIZATION, [project]);
  collectGarbage();
  const started = performance.now();
  if ((await recent.replay(STORE_ORGANIZATION)) !== 1)
    throw new Error('the recent view was not answered again');
  const replayed = performance.now();
  const answer = await (await recent.service.open(path)).summary(YEAR);
  if (answer.window.deploymentFrequency.status !== 'ok') throw new Error('the store measured nothing');
  return { replayMs: replayed - started, nextViewMs: performance.now() - replayed };
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
    const synced = await afterSync(storage, project);
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
        name: `delivery service (SQLite), ${label}: the hub opening, cold caches (summary, trend and the first deployments page at once; median of 3)`,
        value: at((views) => views.hubOpenMs),
        unit: 'ms',
      },
      {
        name: `delivery service (SQLite), ${label}: another range (preparation cached; median of 3)`,
        value: at((views) => views.otherRangeMs),
        unit: 'ms',
      },
      {
        name: `delivery service (SQLite), ${label}: the same view again (median of 3)`,
        value: at((views) => views.againMs),
        unit: 'ms',
      },
      {
        name: `delivery service (SQLite), ${label}: after a sync run changed it, the instance answering its recent view again`,
        value: round(synced.replayMs),
        unit: 'ms',
      },
      {
        name: `delivery service (SQLite), ${label}: the next view after that sync run`,
        value: round(synced.nextViewMs),
        unit: 'ms',
        target: '< 1000 ms',
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
