import { forgetAllClientSets } from '../../service/src/ado/clientSets.ts';
import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { RequestBudget } from '../../service/src/ado/http/requestBudget.ts';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { flowQuerySchema } from '../../service/src/contract/flow/query.ts';
import { silentLogger } from '../../service/src/logger.ts';
import { createFlowService } from '../../service/src/services/flow/service.ts';
import { staticOrganizationDirectory } from '../../service/src/services/organizationDirectory.ts';
import { startSimulator, type SimulatorOptions } from '../../service/src/simulator/index.ts';
import type { ProjectModel } from '../../service/src/simulator/model/organization.ts';
import type { SeikaRepository } from '../../service/src/storage/repository.ts';
import { REVISIONS_STREAM } from '../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { projectRevisionsKey } from '../../service/src/sync/collect/workItems/revisionsBackfill.ts';
import { METADATA_STREAM } from '../../service/src/sync/collect/workItems/teamMetadata.ts';
import { syncOrganization } from '../../service/src/sync/syncOrganization.ts';
import { pacedFloorSeconds } from './floor.ts';

export const LATENCY_MS = 150;
/** The simulated organizations' today; the answer asks for the 12 weeks before it, as the hub first does. */
const TODAY = '2026-06-01';
const FIRST_VIEW = { from: '2026-03-09', to: '2026-05-31' };
const REVISIONS_PATH = /\/_apis\/wit\/reporting\/workitemrevisions$/i;
/** How often the bench looks for a project whose revisions have all been stored. */
const POLL_MS = 100;

export interface FirstAnswer {
  items: number;
  projects: number;
  /** The first answer: its project's teams had all their history stored (and the metadata). */
  answerSeconds: number;
  answerProjectItems: number;
  /** Requests and TSTUs (every stream) until the first answer. */
  requests: number;
  tstuCharged: number;
  /** The revisions stream's requests until the first answer, and the least time they take (floor.ts). */
  answerRevisionTstus: number;
  answerFloorSeconds: number;
  /** Every project's revisions stored (the stream done), its requests and TSTUs, and their floor. */
  revisionsSeconds: number;
  revisionRequests: number;
  revisionTstus: number;
  revisionFloorSeconds: number;
  throughputItems: number;
}

/** The first project whose revisions are all stored: by its backfill mark, or the stream's end. */
async function completeProject(
  repository: SeikaRepository,
  organization: string,
  projects: readonly ProjectModel[],
  revisionsDone: boolean,
): Promise<ProjectModel | undefined> {
  for (const project of projects) {
    if ((await repository.getWatermark(organization, projectRevisionsKey(project.id))) !== undefined)
      return project;
  }
  return revisionsDone ? projects[0] : undefined;
}

function revisionCosts(log: readonly { path: string; tstu?: number }[]): number[] {
  return log.filter((request) => REVISIONS_PATH.test(request.path)).map((request) => request.tstu ?? 0);
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects a process that never talked to the organization, syncs it under the default budget with
 * 150 ms of latency, and answers the first team's Flow summary as soon as a project's teams can have a
 * complete one; then waits for every project's revisions and stops the delivery streams.
 */
export async function measureFirstAnswer(options: SimulatorOptions): Promise<FirstAnswer> {
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
    let revisionsEnded: (() => void) | undefined;
    const revisionsStored = new Promise<void>((resolve) => (revisionsEnded = resolve));
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const sync = syncOrganization({
      repository: storage.repository,
      delivery: storage.delivery,
      createConnection: createAdoConnection,
      connectionOptions: { budget },
      logger: silentLogger,
      onStatus: (status) => {
        if (status.phase === 'done') done.add(status.stream);
        if (status.stream === REVISIONS_STREAM && status.phase === 'done') revisionsEnded?.();
      },
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    }).catch(() => undefined);
    const projects = simulator.model.projects;
    let project: ProjectModel | undefined;
    while (project === undefined) {
      await sleep(POLL_MS);
      if (!done.has(METADATA_STREAM)) continue;
      project = await completeProject(storage.repository, organization, projects, done.has(REVISIONS_STREAM));
    }
    const requests = simulator.requestLog.length;
    const tstuCharged = simulator.tstuCharged();
    const answerCosts = revisionCosts(simulator.requestLog);
    const team = project.teams[0];
    if (team === undefined) throw new Error('the project has no team');
    const flow = createFlowService({
      repository: storage.repository,
      now: () => Date.parse(`${TODAY}T00:00:00Z`),
      organizations: staticOrganizationDirectory([
        { name: organization, url: simulator.organizationUrl, timeZone: 'Asia/Tokyo' },
      ]),
    });
    const session = await flow.open({ organization, project: project.name, team: team.name });
    const summary = await session.summary(flowQuerySchema.parse(FIRST_VIEW));
    const answerSeconds = seconds();
    const answerProjectItems = (await storage.repository.getFlowItems(organization, project.name)).length;
    await revisionsStored;
    const revisionsSeconds = seconds();
    const allCosts = revisionCosts(simulator.requestLog);
    // The work items are in: the delivery streams still reading are stopped.
    budget.abandon(new Error('benchmark over'));
    await sync;
    const counts = await storage.repository.countRows(organization);
    return {
      items: counts.workItems,
      projects: projects.length,
      answerSeconds,
      answerProjectItems,
      requests,
      tstuCharged,
      answerRevisionTstus: sum(answerCosts),
      answerFloorSeconds: pacedFloorSeconds(answerCosts, { latencyMs: LATENCY_MS }),
      revisionsSeconds,
      revisionRequests: allCosts.length,
      revisionTstus: sum(allCosts),
      revisionFloorSeconds: pacedFloorSeconds(allCosts, { latencyMs: LATENCY_MS }),
      throughputItems: summary.throughput.total,
    };
  } finally {
    await storage.close();
    await simulator.close();
  }
}
