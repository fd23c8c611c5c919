import type { OrganizationModel } from '../model/organization.ts';
import type { Random } from '../model/random.ts';
import { createRandom } from '../model/random.ts';
import { derivedNumber } from '../model/ids.ts';
import type { Scheduler } from '../engine/scheduler.ts';
import type { EventBus } from '../engine/events.ts';
import type { BuildSource } from './model.ts';
import type { WorkItemPort } from './ports.ts';

/** States an incident walks through in its project's process (Resolved is skipped where absent). */
export interface IncidentWorkflow {
  readonly type: string;
  readonly active: string;
  readonly resolved: string | undefined;
  readonly done: string;
}

/** How one repository lives: who works in it, how often, and where it deploys. */
export interface RepositoryProfile {
  readonly repository: number;
  readonly pipeline: number;
  /** A classic release definition deploys this pipeline's artifacts; -1 for YAML deployments. */
  readonly releaseDefinition: number;
  readonly pullRequestsPerDay: number;
  readonly people: readonly number[];
  readonly incidentArea: string;
  readonly incidentWorkflow: IncidentWorkflow;
  /** Chance that a successful production deployment is followed by an incident. */
  readonly incidentRate: number;
}

export interface OpenIncident {
  readonly workItemId: number;
  readonly workflow: IncidentWorkflow;
  /** Main commit index of the hotfix once merged, -1 before. */
  hotfixCommit: number;
  resolving: boolean;
}

export interface PipelineState {
  lastBuiltMain: number;
  /** Main commit of the last scheduled run: the nightly trigger only runs when main moved since. */
  lastScheduledMain: number;
  /** Build waiting for its production approval (latest wins), 0 when none. */
  awaitingProduction: number;
  day: number;
  runsThatDay: number;
  readonly openIncidents: OpenIncident[];
}

export interface ReleaseDefinitionState {
  releases: number;
  awaitingProduction: number;
  readonly openIncidents: OpenIncident[];
}

export interface Counters {
  build: number;
  pullRequest: number;
  deploymentRecord: number;
  release: number;
  releaseDeployment: number;
  releaseEnvironment: number;
}

export interface DeliveryContext {
  readonly seed: number;
  readonly model: OrganizationModel;
  readonly scheduler: Scheduler;
  readonly port: WorkItemPort;
  readonly events: EventBus;
  readonly profiles: readonly RepositoryProfile[];
  readonly pipelineStates: PipelineState[];
  readonly releaseStates: ReleaseDefinitionState[];
  readonly counters: Counters;
  /** An independent random stream per purpose, so adding draws in one place does not shift another. */
  stream(key: string): Random;
  /** Queues a run of a pipeline; given at creation so hotfixes can queue builds without an import cycle. */
  queueBuild(pipelineIndex: number, source: BuildSource, at: number): void;
}

/** What queues a run: builds.ts's queueBuild, passed in by whoever assembles the delivery simulation. */
export type BuildQueue = (
  ctx: DeliveryContext,
  pipelineIndex: number,
  source: BuildSource,
  at: number,
) => void;

export function createDeliveryContext(
  base: Omit<DeliveryContext, 'pipelineStates' | 'releaseStates' | 'counters' | 'stream' | 'queueBuild'>,
  queueBuild: BuildQueue,
): DeliveryContext {
  const streams = new Map<string, Random>();
  const context: DeliveryContext = {
    ...base,
    pipelineStates: base.model.delivery.pipelines.map(() => ({
      lastBuiltMain: -1,
      lastScheduledMain: -1,
      awaitingProduction: 0,
      day: -1,
      runsThatDay: 0,
      openIncidents: [],
    })),
    releaseStates: base.model.delivery.releaseDefinitions.map(() => ({
      releases: 0,
      awaitingProduction: 0,
      openIncidents: [],
    })),
    counters: {
      build: 0,
      pullRequest: 0,
      deploymentRecord: 0,
      release: 0,
      releaseDeployment: 0,
      releaseEnvironment: 0,
    },
    stream: (key) => {
      let random = streams.get(key);
      if (!random) {
        random = createRandom(derivedNumber(base.seed, `delivery:${key}`));
        streams.set(key, random);
      }
      return random;
    },
    queueBuild: (pipelineIndex, source, at) => queueBuild(context, pipelineIndex, source, at),
  };
  return context;
}
