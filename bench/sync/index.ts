/**
 * Sync benchmark (issue 4): the simulator's large organization with 50 ms of latency per request.
 * BENCH_SYNC_FACTOR (default 1) generates a share of the large organization for a quicker run.
 * Run alone: node --import tsx bench/sync/index.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { silentLogger } from '../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../service/src/simulator/index.ts';
import { openStorage, type Storage } from '../../service/src/app/openRepository.ts';
import { syncOrganization, type SyncReport } from '../../service/src/sync/syncOrganization.ts';
import { formatTable, type BenchRow } from '../benchRow.ts';
import { floorOf } from './floor.ts';
import { naiveCrawl } from './naive.ts';

const LATENCY_MS = 50;
/** The simulator's default budget, as on Azure DevOps: 200 TSTUs in a sliding five minutes. */
const TSTU_LIMIT = 200;
const WINDOW_SECONDS = 300;

async function sync(
  simulator: RunningSimulator,
  storage: Storage,
  streams: readonly string[] | 'all' = 'all',
): Promise<SyncReport> {
  return syncOrganization({
    repository: storage.repository,
    delivery: storage.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    streams,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

function throttled(simulator: RunningSimulator, fromIndex: number): number {
  return simulator.requestLog.slice(fromIndex).filter((entry) => entry.status === 429).length;
}

export async function runSyncBenchmarks(): Promise<BenchRow[]> {
  const factor = Number(process.env['BENCH_SYNC_FACTOR'] ?? '1');
  const directory = mkdtempSync(join(tmpdir(), 'seika-bench-sync-'));
  const simulator = await startSimulator({
    seed: 7,
    scale: 'large',
    largeFactor: factor,
    now: new Date('2026-06-01T00:00:00Z'),
    faults: { latency: { fixedMs: LATENCY_MS } },
  });
  const storage = await openStorage({ kind: 'sqlite', path: join(directory, 'bench.sqlite') });
  try {
    // BENCH_SYNC_STREAMS=a,b limits the full sync (e.g. the work-item streams on the full large organization).
    const selected = process.env['BENCH_SYNC_STREAMS']?.split(',').filter((name) => name.length > 0);
    const streams = selected === undefined || selected.length === 0 ? 'all' : selected;
    const fullStarted = performance.now();
    const full = await sync(simulator, storage, streams);
    const fullSeconds = (performance.now() - fullStarted) / 1000;
    const throttledFull = throttled(simulator, 0);
    const tstuFull = simulator.tstuCharged();

    const floors = floorOf(full.streams, simulator.model.projects.length);
    const floorRequests = floors.reduce((sum, stream) => sum + stream.floorPages, 0);
    // Independent streams run in parallel: the floor's wall time is its longest stream, page after page.
    const floorSeconds = Math.max(...floors.map((stream) => stream.floorPages)) * (LATENCY_MS / 1000);
    // No window of 300 s may hold more than 200 TSTUs, so spending T takes more than 300 × (⌈T/200⌉ − 1)
    // seconds; spending the limit at once and then what the window gives back is the other lower bound.
    const budgetFloorSeconds = Math.max(
      WINDOW_SECONDS * (Math.ceil(tstuFull / TSTU_LIMIT) - 1),
      (Math.max(0, tstuFull - TSTU_LIMIT) * WINDOW_SECONDS) / TSTU_LIMIT,
    );
    const boundSeconds = Math.max(floorSeconds, budgetFloorSeconds);

    // Right away, nothing changed: one request per stream plus a fixed overhead (issue 12, item 6).
    simulator.resetRateLimit();
    const unchanged = await sync(simulator, storage, streams);

    const logBefore = simulator.requestLog.length;
    simulator.advanceClock(60 * 60_000);
    // An hour later the service's five-minute window is empty again (its limiter runs on real time).
    simulator.resetRateLimit();
    const incrementalStarted = performance.now();
    const incremental = await sync(simulator, storage, streams);
    const incrementalSeconds = (performance.now() - incrementalStarted) / 1000;
    const tstuIncremental = simulator.tstuCharged() - tstuFull;

    // Like with like: the naive crawl reads work items only, so it is compared with the revisions stream.
    simulator.resetRateLimit();
    const revisionsOnly = await openStorage({ kind: 'sqlite', path: join(directory, 'revisions.sqlite') });
    const revisionsStarted = performance.now();
    const ours = await sync(simulator, revisionsOnly, ['wit.reporting.revisions']);
    const oursSeconds = (performance.now() - revisionsStarted) / 1000;
    await revisionsOnly.close();
    simulator.resetRateLimit();
    const naive = await naiveCrawl(simulator, 400, 4);
    const scale = `large×${factor}${streams === 'all' ? '' : `, ${streams.length} streams`}`;
    return [
      { name: `full sync (${scale}): revisions`, value: full.revisions, unit: 'revisions' },
      { name: 'full sync: requests', value: full.requests, unit: 'requests' },
      { name: 'full sync: wall time', value: fullSeconds, unit: 's' },
      { name: 'floor: data requests at the largest page sizes', value: floorRequests, unit: 'requests' },
      { name: 'floor: wall time (longest stream × 50 ms)', value: floorSeconds, unit: 's' },
      { name: 'ours ÷ floor (requests)', value: full.requests / floorRequests, unit: '×', target: '≤ 1.25' },
      { name: 'ours ÷ floor (wall time)', value: fullSeconds / floorSeconds, unit: '×', target: '≤ 1.25' },
      { name: 'full sync: TSTUs charged by the simulator', value: tstuFull, unit: 'TSTU' },
      {
        name: 'budget floor: at most 200 TSTUs in any 5 min, no delays',
        value: budgetFloorSeconds,
        unit: 's',
      },
      {
        name: 'ours ÷ max(floor, budget floor) (wall time)',
        value: fullSeconds / boundSeconds,
        unit: '×',
        target: '≤ 1.25',
      },
      ...floors.map((stream) => ({
        name: `  ${stream.stream}: pages / floor`,
        value: stream.pages / stream.floorPages,
        unit: `× (${stream.pages} pages)`,
      })),
      { name: 'naive (WIQL + revisions per item): requests', value: naive.requests, unit: 'requests' },
      {
        name: `naive: wall time (${naive.sampled} items measured, scaled to ${naive.items})`,
        value: naive.seconds,
        unit: 's',
      },
      { name: 'ours, revisions stream alone: requests', value: ours.requests, unit: 'requests' },
      { name: 'ours, revisions stream alone: wall time', value: oursSeconds, unit: 's' },
      { name: 'ours ÷ naive (wall time)', value: oursSeconds / naive.seconds, unit: '×' },
      { name: 'ours ÷ naive (requests)', value: ours.requests / naive.requests, unit: '×' },
      {
        name: 'no-change sync right after: requests',
        value: unchanged.requests,
        unit: 'requests',
        target: `≤ ${unchanged.streams.length} + 3 + library discovery`,
      },
      ...unchanged.streams.map((stream) => ({
        name: `  ${stream.stream}: no-change requests`,
        value: stream.requests ?? 0,
        unit: 'requests',
      })),
      { name: 'incremental after 1 simulated hour: requests', value: incremental.requests, unit: 'requests' },
      { name: 'incremental: wall time', value: incrementalSeconds, unit: 's' },
      { name: 'incremental: new revisions', value: incremental.revisions, unit: 'revisions' },
      { name: 'incremental: TSTUs charged', value: tstuIncremental, unit: 'TSTU' },
      {
        name: '429 answers during the full sync (default TSTU budget)',
        value: throttledFull,
        unit: '',
        target: '0',
      },
      {
        name: '429 answers during the incremental sync',
        value: throttled(simulator, logBefore),
        unit: '',
        target: '0',
      },
    ];
  } finally {
    await storage.close();
    await simulator.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatTable('sync', await runSyncBenchmarks()));
}
