/**
 * Time to the first flow answer (issue 13): from connecting an organization (a process that never talked
 * to it: no discovered routes) to the first team's Flow summary computed from what the sync stored. The
 * simulator answers every request 150 ms late, under its default budget (200 TSTUs per five minutes).
 * A Flow answer reads the team metadata and the revisions (no answer reads the links); the sync runs them
 * first, the links after the revisions and the delivery streams after every work-item stream, and they are
 * stopped once the answer has come. The answer is compared with the revisions stream's own floor: the least
 * time its requests (their TSTUs as the simulator charged them, in order, 150 ms each) take under the limit.
 * Rows: the demo organization, then a share of the large one of about BENCH_FIRST_ANSWER_ITEMS work items
 * (10,000; 0 leaves it out).
 * Run alone: node --import tsx bench/firstAnswer/index.ts
 */
import { pathToFileURL } from 'node:url';
import { forgetAllClientSets } from '../../service/src/ado/clientSets.ts';
import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { RequestBudget } from '../../service/src/ado/http/requestBudget.ts';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { flowQuerySchema } from '../../service/src/contract/flow/query.ts';
import { silentLogger } from '../../service/src/logger.ts';
import { createFlowService } from '../../service/src/services/flow/service.ts';
import { staticOrganizationDirectory } from '../../service/src/services/organizationDirectory.ts';
import { startSimulator, type SimulatorOptions } from '../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { METADATA_STREAM } from '../../service/src/sync/collect/workItems/teamMetadata.ts';
import { syncOrganization } from '../../service/src/sync/syncOrganization.ts';
import { formatTable, type BenchRow } from '../benchRow.ts';
import { BUDGET_TSTUS, pacedFloorSeconds } from './floor.ts';

const LATENCY_MS = 150;
/** The simulated organizations' today; the answer asks for the 12 weeks before it, as the hub first does. */
const TODAY = '2026-06-01';
const FIRST_VIEW = { from: '2026-03-09', to: '2026-05-31' };
/** Work items the sync stores per unit of the large organization's factor (measured: 7,809 at 0.054). */
const LARGE_ITEMS = 144_600;
/** What a Flow answer reads. */
const ANSWER_STREAMS = new Set([METADATA_STREAM, REVISIONS_STREAM]);
const REVISIONS_PATH = /\/_apis\/wit\/reporting\/workitemrevisions$/i;

interface FirstAnswer {
  items: number;
  /** TSTUs the simulator charged until the answer's streams were synced (every stream's requests). */
  tstuCharged: number;
  answerStreamsSeconds: number;
  answerSeconds: number;
  requests: number;
  revisionRequests: number;
  revisionTstus: number;
  /** The least time the revisions stream's requests take under the limit (floor.ts). */
  revisionFloorSeconds: number;
  throughputItems: number;
}

async function measure(options: SimulatorOptions): Promise<FirstAnswer> {
  const simulator = await startSimulator({
    ...options,
    now: new Date(`${TODAY}T00:00:00Z`),
    faults: { latency: { fixedMs: LATENCY_MS } },
  });
  const storage = await openStorage({ kind: 'sqlite', path: ':memory:' });
  forgetAllClientSets();
  const budget = new RequestBudget();
  try {
    const organization = simulator.organization;
    const done = new Set<string>();
    let answerStreamsSynced: (() => void) | undefined;
    const answerStreamsReady = new Promise<void>((resolve) => (answerStreamsSynced = resolve));
    const started = performance.now();
    const sync = syncOrganization({
      repository: storage.repository,
      delivery: storage.delivery,
      createConnection: createAdoConnection,
      connectionOptions: { budget },
      logger: silentLogger,
      onStatus: (status) => {
        if (status.phase === 'done' && ANSWER_STREAMS.has(status.stream)) done.add(status.stream);
        if (done.size === ANSWER_STREAMS.size) answerStreamsSynced?.();
      },
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    }).catch(() => undefined);
    await answerStreamsReady;
    const answerStreamsSeconds = (performance.now() - started) / 1000;
    const requests = simulator.requestLog.length;
    const tstuCharged = simulator.tstuCharged();
    const revisionCosts = simulator.requestLog
      .filter((request) => REVISIONS_PATH.test(request.path))
      .map((request) => request.tstu ?? 0);
    const project = simulator.model.projects[0];
    const team = project?.teams[0];
    if (project === undefined || team === undefined) throw new Error('the simulator has no team');
    const flow = createFlowService({
      repository: storage.repository,
      now: () => Date.parse(`${TODAY}T00:00:00Z`),
      organizations: staticOrganizationDirectory([
        { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
      ]),
    });
    const session = await flow.open({ organization, project: project.name, team: team.name });
    const summary = await session.summary(flowQuerySchema.parse(FIRST_VIEW));
    const answerSeconds = (performance.now() - started) / 1000;
    // The first answer is in: the delivery streams still reading are stopped.
    budget.abandon(new Error('benchmark over'));
    await sync;
    const counts = await storage.repository.countRows(organization);
    return {
      items: counts.workItems,
      tstuCharged,
      answerStreamsSeconds,
      answerSeconds,
      requests,
      revisionRequests: revisionCosts.length,
      revisionTstus: revisionCosts.reduce((sum, cost) => sum + cost, 0),
      revisionFloorSeconds: pacedFloorSeconds(revisionCosts, { latencyMs: LATENCY_MS }),
      throughputItems: summary.throughput.total,
    };
  } finally {
    await storage.close();
    await simulator.close();
  }
}

function rows(label: string, result: FirstAnswer): BenchRow[] {
  const floor = result.revisionFloorSeconds;
  return [
    { name: `${label}: work items`, value: result.items, unit: 'items' },
    {
      name: `${label}: connect → metadata and revisions synced`,
      value: result.answerStreamsSeconds,
      unit: 's',
    },
    { name: `${label}: connect → first Flow summary`, value: result.answerSeconds, unit: 's' },
    { name: `${label}: requests until then (every stream)`, value: result.requests, unit: 'requests' },
    { name: `${label}: TSTUs charged until then`, value: result.tstuCharged, unit: 'TSTU' },
    { name: `${label}: revisions stream: requests`, value: result.revisionRequests, unit: 'requests' },
    { name: `${label}: revisions stream: TSTUs`, value: result.revisionTstus, unit: 'TSTU' },
    { name: `${label}: revisions stream: its floor under the limit`, value: floor, unit: 's' },
    {
      name: `${label}: first answer ÷ that floor`,
      value: floor > 0 ? result.answerSeconds / floor : 0,
      unit: '×',
      // The aim applies where the limit sets the pace: past the first window's 200 TSTUs.
      ...(result.revisionTstus > BUDGET_TSTUS ? { target: '≤ 1.1 ×' } : { target: '(latency-bound)' }),
    },
    {
      name: `${label}: the answer's throughput (items finished)`,
      value: result.throughputItems,
      unit: 'items',
    },
  ];
}

export async function runFirstAnswerBenchmarks(): Promise<BenchRow[]> {
  const results = rows('demo (seed 7)', await measure({ seed: 7, scale: 'demo' }));
  const wanted = Number(process.env['BENCH_FIRST_ANSWER_ITEMS'] ?? '10000');
  if (wanted <= 0) return results;
  const factor = wanted / LARGE_ITEMS;
  const large = await measure({ seed: 7, scale: 'large', largeFactor: factor });
  return [...results, ...rows(`large×${factor.toFixed(3)}`, large)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatTable('first answer', await runFirstAnswerBenchmarks()));
}
