/**
 * Delivery (DORA) metrics benchmark: an organization with 200,000 builds, every delivery metric over
 * a one-year window with weekly and per-sprint trends; the views the delivery service computes (a
 * scope's first view, later views); then the service over SQLite stores of it (service.ts).
 * Run alone: node --import tsx bench/delivery/index.ts
 *
 * Each run keeps only its timings and counts, so that no run's report stays alive during the next:
 * a report holds about 110 MB of objects (300,000 lead time samples, 380,000 links, 130,000
 * drill-down rows), and keeping four of them would make every full garbage collection mark them too.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { DeploymentChangeLink } from '../../service/src/domain/delivery.ts';
import { computeDeliveryMetrics, linkChangesToBuilds } from '../../service/src/metrics/delivery/index.ts';
import type { DeliveryRequest, SprintDates } from '../../service/src/metrics/delivery/index.ts';
import { deliveryInputFrom } from '../../service/src/sync/normalise/delivery/input.ts';
import { runDeliveryServiceBenchmarks } from './service.ts';
import { BUILDS, syntheticOrganization, type SyntheticOrganization } from './synthetic.ts';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const WINDOW = { from: '2025-04-01', to: '2026-03-31' };
const TIME_ZONE = 'Asia/Tokyo';
const TARGET_MS = 1_000;
const HEADLINE = 'delivery: link + all metrics, 200k builds (warm, best of 3)';

/** 26 two-week sprints from Monday 2025-04-07. */
function sprints(): SprintDates[] {
  const first = Date.UTC(2025, 3, 7);
  return Array.from({ length: 26 }, (_, n) => ({
    id: `sprint-${n + 1}`,
    name: `Sprint ${n + 1}`,
    startDate: new Date(first + n * 14 * 86_400_000).toISOString().slice(0, 10),
    finishDate: new Date(first + (n * 14 + 13) * 86_400_000).toISOString().slice(0, 10),
  }));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Machine reference, so figures from different (or busy) machines can be compared. */
function referenceMapInsertsMs(): number {
  const keys = Array.from({ length: 1_000_000 }, (_, i) => `key-${i}`);
  const start = performance.now();
  const map = new Map<string, number>();
  for (const key of keys) map.set(key, 1);
  return map.size > 0 ? performance.now() - start : 0;
}

interface Run {
  linkMs: number;
  computeMs: number;
  totalMs: number;
  links: number;
  windowSamples: number;
  windowDeployments: number;
}

/** One link + compute, timed; only counts leave the function, so the report is garbage at once. */
function runOnce(organization: SyntheticOrganization, request: DeliveryRequest): Run {
  const start = performance.now();
  const links = linkChangesToBuilds(organization);
  const linked = performance.now();
  const report = computeDeliveryMetrics({ ...organization, links, timeZone: TIME_ZONE }, request);
  const end = performance.now();
  const { window } = report;
  if (window.deploymentFrequency.status !== 'ok' || window.leadTimeForChanges.status !== 'ok') {
    throw new Error('synthetic organization produced no delivery figures: the benchmark measured nothing');
  }
  return {
    linkMs: linked - start,
    computeMs: end - linked,
    totalMs: end - start,
    links: links.length,
    windowSamples: window.leadTimeForChanges.changes,
    windowDeployments: window.deploymentFrequency.successfulDeployments,
  };
}

/**
 * What the service computes for a view that shows figures (summary, figure families, trend): no
 * drill-down rows, and lead time samples left unbuilt (they are built only when a list is read). Its
 * links are computed once per data version and shared by every view of the scope, so the first view's
 * cost is link + this, and every other view's cost is this alone. Best of three.
 */
function summaryViewTiming(
  organization: SyntheticOrganization,
  links: readonly DeploymentChangeLink[],
  request: DeliveryRequest,
): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const report = computeDeliveryMetrics(
      { ...organization, links, timeZone: TIME_ZONE },
      { ...request, drillDown: false },
    );
    best = Math.min(best, performance.now() - start);
    if (report.window.leadTimeForChanges.status !== 'ok') throw new Error('no lead time: nothing measured');
  }
  return best;
}

interface ServiceViews {
  /** Link (with the carry across branches) + the summary's computation: a scope's first view. */
  firstMs: number;
  /** The summary's computation over the cached linked input: any later view of the scope. */
  laterMs: number;
  /** The trend's computation (53 weeks and 26 sprints) over the cached linked input. */
  trendMs: number;
}

/**
 * What the delivery service does for a scope holding every build: its first view links the records
 * (deliveryInputFrom, as session.ts calls it) and computes the summary's view (the window only: no
 * weeks, sprints or drill-down rows); later views reuse the linked input. Best of three each.
 */
function serviceViewTimings(organization: SyntheticOrganization, request: DeliveryRequest): ServiceViews {
  const summary = { from: request.from, to: request.to, weekly: false, drillDown: false };
  const best = { firstMs: Infinity, laterMs: Infinity, trendMs: Infinity };
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const input = deliveryInputFrom(organization, { timeZone: TIME_ZONE });
    const first = computeDeliveryMetrics(input, summary);
    const linkedAndComputed = performance.now();
    const later = computeDeliveryMetrics(input, summary);
    const laterDone = performance.now();
    const trend = computeDeliveryMetrics(input, { ...request, drillDown: false });
    const trendDone = performance.now();
    if (
      first.window.leadTimeForChanges.status !== 'ok' ||
      later.weekly.length > 0 ||
      trend.weekly.length === 0
    )
      throw new Error('the service views measured nothing');
    best.firstMs = Math.min(best.firstMs, linkedAndComputed - start);
    best.laterMs = Math.min(best.laterMs, laterDone - linkedAndComputed);
    best.trendMs = Math.min(best.trendMs, trendDone - laterDone);
  }
  return best;
}

/** A typical request: one project's records (1/50 of the organization), best of four warm runs. */
function oneProjectTiming(
  organization: SyntheticOrganization,
  links: readonly DeploymentChangeLink[],
  request: DeliveryRequest,
): { builds: number; ms: number } {
  const project = 'project-0';
  const deployments = organization.deployments.filter((d) => d.project === project);
  const builds = new Set(deployments.map((d) => d.buildId));
  const input = {
    deployments,
    changes: organization.changes.filter((c) => c.project === project),
    links: links.filter((l) => builds.has(l.buildId)),
    incidents: organization.incidents.filter((i) => i.project === project),
    bugWorkItemIds: organization.bugWorkItemIds,
    timeZone: TIME_ZONE,
  };
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    computeDeliveryMetrics(input, request);
    best = Math.min(best, performance.now() - start);
  }
  return { builds: builds.size, ms: best };
}

/** The engine in memory; its organization is garbage once this returns. */
export function runDeliveryEngineBenchmarks(): BenchRow[] {
  const organization = syntheticOrganization();
  const request = { ...WINDOW, sprints: sprints() };

  // Best of three: the machine is shared, and the least disturbed run is the best estimate.
  const reference = Math.min(referenceMapInsertsMs(), referenceMapInsertsMs(), referenceMapInsertsMs());
  const cold = runOnce(organization, request);
  let warm = runOnce(organization, request);
  for (let run = 1; run < 3; run++) {
    const next = runOnce(organization, request);
    if (next.totalMs < warm.totalMs) warm = next;
  }
  const links = linkChangesToBuilds(organization);
  const project = oneProjectTiming(organization, links, request);
  const summaryView = summaryViewTiming(organization, links, request);
  const service = serviceViewTimings(organization, request);

  return [
    { name: 'delivery: builds', value: BUILDS, unit: 'builds' },
    { name: 'delivery: deployment records', value: organization.deployments.length, unit: 'records' },
    { name: 'delivery: changes', value: organization.changes.length, unit: 'changes' },
    { name: 'delivery: build→change links', value: cold.links, unit: 'links' },
    { name: 'delivery: lead time samples (window)', value: cold.windowSamples, unit: 'samples' },
    {
      name: 'delivery: successful prod deployments (window)',
      value: cold.windowDeployments,
      unit: 'deployments',
    },
    { name: 'delivery: link changes to builds (cold)', value: round(cold.linkMs), unit: 'ms' },
    {
      name: 'delivery: all metrics, 1 year + 53 weeks + 26 sprints + drill-down (cold)',
      value: round(cold.computeMs),
      unit: 'ms',
    },
    { name: 'delivery: link + all metrics (cold)', value: round(cold.totalMs), unit: 'ms' },
    { name: 'delivery: link changes to builds (warm, best of 3)', value: round(warm.linkMs), unit: 'ms' },
    { name: 'delivery: all metrics (warm, best of 3)', value: round(warm.computeMs), unit: 'ms' },
    { name: HEADLINE, value: round(warm.totalMs), unit: 'ms', target: `< ${TARGET_MS} ms` },
    {
      name: 'delivery: summary view, 200k builds (no drill-down rows, lazy samples; warm, best of 3)',
      value: round(summaryView),
      unit: 'ms',
      target: `< ${TARGET_MS} ms`,
    },
    {
      name: "delivery: link + summary view, 200k builds (a scope's first view)",
      value: round(warm.linkMs + summaryView),
      unit: 'ms',
    },
    {
      name: "delivery service: a scope's first view, 200k builds (link + carry + summary; best of 3)",
      value: round(service.firstMs),
      unit: 'ms',
      target: `< ${TARGET_MS} ms`,
    },
    {
      name: 'delivery service: a later view over the cached links (summary; best of 3)',
      value: round(service.laterMs),
      unit: 'ms',
    },
    {
      name: 'delivery service: the trend view over the cached links (53 weeks, 26 sprints; best of 3)',
      value: round(service.trendMs),
      unit: 'ms',
    },
    {
      name: `${HEADLINE} ÷ reference`,
      value: Math.round((warm.totalMs / reference) * 100) / 100,
      unit: '× ref',
    },
    {
      name: `delivery: one project (${project.builds} builds), all metrics (warm)`,
      value: round(project.ms),
      unit: 'ms',
      target: '< 100 ms',
    },
    {
      name: 'reference: 1M string-keyed Map inserts on this machine (best of 3)',
      value: round(reference),
      unit: 'ms',
    },
  ];
}

/** The engine in memory, then the delivery service over SQLite stores of the same organization. */
export async function runDeliveryBenchmarks(): Promise<BenchRow[]> {
  const engine = runDeliveryEngineBenchmarks();
  return [...engine, ...(await runDeliveryServiceBenchmarks())];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runDeliveryBenchmarks();
  console.table(rows.map((row) => ({ ...row, target: row.target ?? '' })));
}
