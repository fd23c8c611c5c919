import {
  AdoAuthenticationError,
  requestAttribution,
  type AdoConnection,
  type AdoConnectionFactory,
  type AdoConnectionOptions,
} from '../ado/clients.ts';
import type { RequestLane } from '../ado/http/requestBudget.ts';
import { AdoAccessDeniedError, type AdoScope } from '../ado/scopes.ts';
import type { Logger } from '../logger.ts';
import type { ProductionRule } from '../metrics/delivery/production.ts';
import type { DeliveryRepository, IncidentRule } from '../storage/delivery/repository.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import type { StreamStatus, StreamStatusStore } from '../storage/tenants.ts';
import { REVISIONS_STREAM } from './collect/workItems/reportingRevisions.ts';
import { METADATA_STREAM } from './collect/workItems/teamMetadata.ts';
import {
  credentialsRefusedProblem,
  needsScopeProblem,
  renderProblem,
  streamFailedProblem,
} from './problems.ts';
import { StreamProgress } from './progress.ts';
import type { StreamResult, SyncStream } from './stream.ts';
import { selectStreams } from './streams.ts';
import type { SyncSettings } from './syncSettings.ts';

export interface OrganizationConnection {
  /** Seika's key for the organization (its Azure DevOps name, lower case). */
  organization: string;
  organizationUrl: string;
  personalAccessToken: string;
}

export interface StreamOutcome extends StreamResult {
  stream: string;
  error: string | null;
  /** The PAT lacks this scope: the stream did not run (not an error of the sync). */
  needsScope?: AdoScope;
  /** HTTP requests the stream's own work sent (shared discovery and project lists excepted). */
  requests?: number;
}

export interface SyncReport {
  organization: string;
  streams: StreamOutcome[];
  pages: number;
  revisions: number;
  requests: number;
  teams: number;
  seconds: number;
}

/** Some streams failed; the others were stored. Their watermarks did not move. */
export class SyncStreamsFailedError extends Error {
  constructor(readonly report: SyncReport) {
    const failed = report.streams.filter((stream) => stream.error !== null);
    super(
      `Sync of ${report.organization} failed for ${failed.map((stream) => `${stream.stream} (${stream.error})`).join('; ')}`,
    );
    this.name = 'SyncStreamsFailedError';
  }
}

const discardStatus: StreamStatusStore = { save: async () => undefined, list: async () => [] };

/**
 * A first sync's streams that wait for others (delivery after the work-item streams, `after`) show as
 * queued from the run's start, so the status lists every stream left and the organization's ETA stays
 * "not known yet" until they can be estimated, instead of leaving them out. Streams with a status of
 * their own keep it until they start.
 */
async function markNeverSyncedQueued(
  store: StreamStatusStore | undefined,
  organization: string,
  streams: readonly SyncStream[],
  now: number,
): Promise<void> {
  if (store === undefined) return;
  const known = new Set((await store.list(organization)).map((status) => status.stream));
  const waiting = streams.filter(
    (stream) =>
      !known.has(stream.name) && (stream.access.feature !== 'flow' || (stream.after ?? []).length > 0),
  );
  for (const stream of waiting) {
    await store.save({
      organization,
      stream: stream.name,
      phase: 'queued',
      pages: 0,
      items: 0,
      requests: 0,
      progress: null,
      startedAt: null,
      updatedAt: now,
      estimatedSecondsLeft: null,
      rateLimit: null,
      lastError: null,
      problem: null,
    });
  }
}

/**
 * One sync run of an organization: check credentials, then run the chosen streams concurrently within
 * the organization's budget. A stream that fails is reported and the others finish; refused credentials
 * stop everything.
 */
export async function syncOrganization(dependencies: {
  repository: SeikaRepository;
  /** Delivery storage; without it a full sync leaves the delivery streams out (naming them fails them). */
  delivery?: DeliveryRepository;
  createConnection: AdoConnectionFactory;
  connectionOptions?: AdoConnectionOptions;
  logger: Logger;
  target: OrganizationConnection;
  streams?: readonly string[] | 'all';
  statusStore?: StreamStatusStore;
  onStatus?: (status: StreamStatus) => void;
  maxPageSize?: number;
  now?: () => number;
  /** Each project's production mark, for the streams that ask per production deployment. */
  productionRule?: (organization: string, project: string) => Promise<ProductionRule>;
  /** Each project's incident rule, for the stream that reads incidents' artifact links. */
  incidentRule?: (organization: string, project: string) => Promise<IncidentRule>;
  /** Overrides of the environment's sync settings (refresh cadence, delivery horizon). */
  settings?: Partial<SyncSettings>;
  /** Read team metadata whatever its age. */
  refreshMetadata?: boolean;
}): Promise<SyncReport> {
  const { repository, target, logger } = dependencies;
  const now = dependencies.now ?? Date.now;
  const productionRule = dependencies.productionRule;
  const incidentRule = dependencies.incidentRule;
  const started = performance.now();
  const connection = dependencies.createConnection(
    { organizationUrl: target.organizationUrl, personalAccessToken: target.personalAccessToken },
    dependencies.connectionOptions,
  );
  const requested = dependencies.streams ?? 'all';
  const streams = selectStreams(requested).filter(
    (stream) => requested !== 'all' || dependencies.delivery !== undefined || stream.needsDelivery !== true,
  );
  if (requested === 'all' && dependencies.delivery === undefined) {
    logger.info('no delivery store: delivery streams left out', { organization: target.organization });
  }
  const runId = await repository.startSyncRun(target.organization);
  await markNeverSyncedQueued(dependencies.statusStore, target.organization, streams, now());
  const waitedAtRunStart = connection.budget.state().waitedMs;
  const progressOf = (stream: string, waitedHere?: () => number) =>
    new StreamProgress(target.organization, stream, {
      store: dependencies.statusStore ?? discardStatus,
      budget: connection.budget,
      waitedAtRunStart,
      requestCount: () => connection.requestCount(),
      now,
      ...(waitedHere === undefined ? {} : { waitedHere }),
      ...(dependencies.onStatus === undefined ? {} : { onUpdate: dependencies.onStatus }),
    });

  const summarise = (outcomes: StreamOutcome[]): SyncReport => ({
    organization: target.organization,
    streams: outcomes,
    pages: outcomes.reduce((sum, outcome) => sum + outcome.pages, 0),
    revisions: outcomes.find((outcome) => outcome.stream === REVISIONS_STREAM)?.items ?? 0,
    teams: outcomes.find((outcome) => outcome.stream === METADATA_STREAM)?.items ?? 0,
    requests: connection.requestCount(),
    seconds: (performance.now() - started) / 1000,
  });

  // Credentials are not checked before the streams start (a request each run): a stream's first
  // request tells, and once one stream learnt the PAT is refused, the streams still to start do not.
  const access = scopeTracker(connection);
  let credentialsRefused: AdoAuthenticationError | undefined;
  const runStream = async (stream: SyncStream): Promise<StreamOutcome> => {
    const lane: RequestLane = stream.access.feature === 'flow' ? 'flow' : 'delivery';
    const counter = { requests: 0, lane, waitedMs: 0 };
    const progress = progressOf(stream.name, () => counter.waitedMs);
    if (credentialsRefused !== undefined) {
      await progress.failed(credentialsRefused.message, credentialsRefusedProblem(target.organization));
      throw credentialsRefused;
    }
    const needsScope = async (scope: AdoScope): Promise<StreamOutcome> => {
      const problem = needsScopeProblem(scope, stream.access.feature);
      await progress.needsScope(renderProblem(problem).message, problem);
      logger.warn('stream needs a scope', { organization: target.organization, stream: stream.name, scope });
      return { stream: stream.name, pages: 0, items: 0, error: null, needsScope: scope };
    };
    // A scope another stream of this run found missing is missing here too: no request needed to know.
    const known = stream.access.scopes.find((scope) => access.missing.has(scope));
    if (known !== undefined) return needsScope(known);
    await progress.start();
    // Work-item streams hold the budget's first claim for as long as they run.
    const flowEnded = lane === 'flow' ? connection.budget.flowStreamStarted() : () => undefined;
    try {
      const result = await requestAttribution.run(counter, () =>
        stream.run({
          organization: target.organization,
          connection,
          repository,
          ...(dependencies.delivery === undefined ? {} : { delivery: dependencies.delivery }),
          logger,
          progress,
          ...(dependencies.maxPageSize === undefined ? {} : { maxPageSize: dependencies.maxPageSize }),
          now,
          namedStream: requested !== 'all',
          ...(dependencies.settings === undefined ? {} : { settings: dependencies.settings }),
          ...(dependencies.refreshMetadata === undefined
            ? {}
            : { refreshMetadata: dependencies.refreshMetadata }),
          ...(productionRule === undefined
            ? {}
            : { productionRule: (project: string) => productionRule(target.organization, project) }),
          ...(incidentRule === undefined
            ? {}
            : { incidentRule: (project: string) => incidentRule(target.organization, project) }),
        }),
      );
      await progress.done();
      return { stream: stream.name, ...result, error: null, requests: counter.requests };
    } catch (thrown) {
      let error = thrown;
      if (thrown instanceof AdoAccessDeniedError) {
        // Only proof that the PAT itself is refused stops the organization; else the scope is missing.
        const refused = await access.patRefused();
        if (!refused) return needsScope(access.blame(thrown, stream.access.scopes));
        error = new AdoAuthenticationError(connection.organizationUrl);
      }
      const message = error instanceof Error ? error.message : String(error);
      const problem =
        error instanceof AdoAuthenticationError
          ? credentialsRefusedProblem(target.organization)
          : streamFailedProblem(message);
      await progress.failed(message, problem);
      if (error instanceof AdoAuthenticationError) {
        credentialsRefused ??= error;
        throw error;
      }
      logger.error('stream failed', {
        organization: target.organization,
        stream: stream.name,
        error: message,
      });
      return { stream: stream.name, pages: 0, items: 0, error: message };
    } finally {
      flowEnded();
    }
  };
  // Streams run concurrently; one that reads another's rows (`after`) starts once that one has ended.
  // Flow first: delivery streams start once every work-item stream has ended, so the first flow answer
  // gets the whole first budget window (a later run's work-item streams take a request or two). Work-item
  // streams wait on nothing but each other. Every stream ends before the run does, even when the
  // credentials turn out refused, so no caller closes the storage under a stream still writing.
  const runs = new Map<string, Promise<StreamOutcome>>();
  const flowRuns: Promise<StreamOutcome>[] = [];
  const flowStreams = streams.filter((stream) => stream.access.feature === 'flow');
  for (const stream of [...flowStreams, ...streams.filter((stream) => !flowStreams.includes(stream))]) {
    const isFlow = stream.access.feature === 'flow';
    const before = [
      ...(stream.after ?? []).flatMap((name) => runs.get(name) ?? []),
      ...(isFlow ? [] : flowRuns),
    ];
    const run = Promise.allSettled(before).then(() => runStream(stream));
    runs.set(stream.name, run);
    if (isFlow) flowRuns.push(run);
  }
  const settled = await Promise.allSettled(runs.values());
  const refusal = settled.find((result) => result.status === 'rejected');
  if (refusal !== undefined) {
    const error: unknown = refusal.reason;
    const message = error instanceof Error ? error.message : String(error);
    await repository.finishSyncRun(runId, {
      status: 'failed',
      error: message,
      pages: 0,
      revisions: 0,
      requests: connection.requestCount(),
    });
    logger.error('sync refused', { organization: target.organization, error: message });
    throw error;
  }
  const outcomes = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));

  const report = summarise(outcomes);
  const failed = outcomes.some((outcome) => outcome.error !== null);
  await repository.finishSyncRun(runId, {
    status: failed ? 'failed' : 'succeeded',
    ...(failed ? { error: new SyncStreamsFailedError(report).message } : {}),
    pages: report.pages,
    revisions: report.revisions,
    requests: report.requests,
  });
  if (failed) throw new SyncStreamsFailedError(report);
  logger.info('sync finished', {
    organization: report.organization,
    pages: report.pages,
    revisions: report.revisions,
    requests: report.requests,
    seconds: Number(report.seconds.toFixed(3)),
  });
  return report;
}

/**
 * What this run learnt about the PAT's scopes. A refusal on an area is checked once against the
 * connection data every PAT may read: if that is refused too, the PAT itself is (expired or revoked).
 */
function scopeTracker(connection: AdoConnection) {
  const missing = new Set<AdoScope>();
  let recheck: Promise<boolean> | undefined;
  return {
    missing,
    patRefused(): Promise<boolean> {
      recheck ??= connection.verifyCredentials(true).then(
        () => false,
        (error: unknown) => {
          if (error instanceof AdoAuthenticationError) return true;
          throw error;
        },
      );
      return recheck;
    },
    /** The scope Azure DevOps named when it is one the stream needs, else the stream's first. */
    blame(error: AdoAccessDeniedError, scopes: readonly AdoScope[]): AdoScope {
      const named = error.scope !== undefined && scopes.includes(error.scope) ? error.scope : undefined;
      const scope = named ?? scopes.find((candidate) => !missing.has(candidate)) ?? scopes[0] ?? 'vso.work';
      missing.add(scope);
      return scope;
    },
  };
}
