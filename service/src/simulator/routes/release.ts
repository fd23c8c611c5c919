import { list } from '../http.ts';
import { errors } from '../errors.ts';
import type { ReleaseDeploymentModel } from '../delivery/model.ts';
import { continuationHeader, date, identity } from '../payloads/common.ts';
import { definitionRef, deploymentPayload, releaseRef } from '../payloads/release.ts';
import type { Route } from './route.ts';
import { requireProject } from './build.ts';
import { dateParam, enumParam, intList, wholeNumber } from './query.ts';
import { flag } from './query.ts';

/** `$top` defaults to 50 and is capped at 100; the next page's first id comes back in the header. */
export const DEFAULT_DEPLOYMENTS_TOP = 50;
export const MAX_DEPLOYMENTS_TOP = 100;

const DEPLOYMENT_STATUS = {
  undefined: 0,
  notDeployed: 1,
  inProgress: 2,
  succeeded: 4,
  partiallySucceeded: 8,
  failed: 16,
  all: 31,
} as const;
const OPERATION_STATUS = {
  Undefined: 0,
  Queued: 1,
  Scheduled: 2,
  Pending: 4,
  Approved: 8,
  Rejected: 16,
  Deferred: 32,
  QueuedForAgent: 64,
  PhaseInProgress: 128,
  PhaseSucceeded: 256,
  PhasePartiallySucceeded: 512,
  PhaseFailed: 1024,
  Canceled: 2048,
  PhaseCanceled: 4096,
  ManualInterventionPending: 8192,
  QueuedForPipeline: 16384,
  Cancelling: 32768,
  EvaluatingGates: 65536,
  GateFailed: 131072,
  All: 258047,
} as const;
const QUERY_ORDER = { descending: 0, ascending: 1 } as const;

export const releaseRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'project',
    host: 'release',
    pattern: 'release/deployments',
    location: 'releaseDeployments',
    handle: (context, params) => {
      const project = requireProject(params);
      const { query, model } = context;
      const definitionIds = intList(query, 'definitionId');
      const environmentIds = intList(query, 'definitionEnvironmentId');
      const statuses = enumParam(query, 'deploymentStatus', DEPLOYMENT_STATUS);
      const operations = enumParam(query, 'operationStatus', OPERATION_STATUS);
      const orderSet = enumParam(query, 'queryOrder', QUERY_ORDER);
      const ascending = orderSet?.has('ascending') === true;
      const minStarted = dateParam(query, 'minStartedTime');
      const maxStarted = dateParam(query, 'maxStartedTime');
      const minModified = dateParam(query, 'minModifiedTime');
      const maxModified = dateParam(query, 'maxModifiedTime');
      const latestOnly = flag(query.get('latestAttemptsOnly'));
      const branch = query.get('sourceBranch');
      const createdBy = query.get('createdBy')?.toLowerCase();
      const top = Math.min(wholeNumber(query, '$top') ?? DEFAULT_DEPLOYMENTS_TOP, MAX_DEPLOYMENTS_TOP);
      const token = query.get('continuationToken');
      const from = token === null || token === '' || token === '0' ? undefined : Number(token);
      if (from !== undefined && !Number.isInteger(from))
        throw errors.invalidArgument(`The continuation token '${token ?? ''}' is not valid.`);
      const all = model.delivery.releaseDeployments;
      const latestAttempt = new Map<number, number>();
      if (latestOnly)
        for (const deployment of all) latestAttempt.set(deployment.releaseEnvironmentId, deployment.id);
      const keep = (deployment: ReleaseDeploymentModel): boolean => {
        const definition = model.delivery.releaseDefinitions[deployment.definition];
        if (!definition || definition.projectIndex !== project.index) return false;
        if (definitionIds && !definitionIds.includes(definition.id)) return false;
        if (
          environmentIds &&
          !environmentIds.includes(definition.environments[deployment.environmentIndex]?.id ?? -1)
        )
          return false;
        if (statuses && !statuses.has('all') && !statuses.has(deployment.deploymentStatus)) return false;
        if (operations && !operations.has('All') && !operations.has(deployment.operationStatus)) return false;
        if (minStarted !== undefined && !(deployment.startedOn >= minStarted)) return false;
        if (maxStarted !== undefined && !(deployment.startedOn <= maxStarted)) return false;
        if (minModified !== undefined && deployment.lastModifiedOn < minModified) return false;
        if (maxModified !== undefined && deployment.lastModifiedOn > maxModified) return false;
        if (latestOnly && latestAttempt.get(deployment.releaseEnvironmentId) !== deployment.id) return false;
        if (branch !== null && branch !== '' && branch !== 'refs/heads/main') return false;
        if (createdBy !== undefined && model.identities[deployment.requestedBy]?.id !== createdBy)
          return false;
        return true;
      };
      const page: ReleaseDeploymentModel[] = [];
      let next: number | undefined;
      for (let step = 0; step < all.length; step += 1) {
        const deployment = all[ascending ? step : all.length - 1 - step];
        if (!deployment || !keep(deployment)) continue;
        if (from !== undefined && (ascending ? deployment.id < from : deployment.id > from)) continue;
        if (page.length === top) {
          next = deployment.id;
          break;
        }
        page.push(deployment);
      }
      return list(
        page.map((deployment) => deploymentPayload(context, project, deployment)),
        continuationHeader(next === undefined ? undefined : String(next)),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    host: 'release',
    pattern: 'release/definitions',
    location: 'releaseDefinitions',
    handle: (context, params) => {
      const project = requireProject(params);
      return list(
        context.model.delivery.releaseDefinitions
          .filter((definition) => definition.projectIndex === project.index)
          .map((definition) => ({
            ...definitionRef(context, project, definition),
            revision: 1,
            createdOn: date(definition.createdOn),
            environments: definition.environments.map((environment) => ({
              id: environment.id,
              name: environment.name,
              rank: environment.rank,
            })),
          })),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    host: 'release',
    pattern: 'release/releases',
    location: 'releases',
    handle: (context, params) => {
      const project = requireProject(params);
      const top = wholeNumber(context.query, '$top') ?? 50;
      const releases = context.model.delivery.releases
        .filter(
          (release) =>
            context.model.delivery.releaseDefinitions[release.definition]?.projectIndex === project.index,
        )
        .reverse()
        .slice(0, top);
      return list(
        releases.map((release) => {
          const definition = context.model.delivery.releaseDefinitions[release.definition];
          return {
            ...releaseRef(context, project, release),
            status: 'active',
            createdOn: date(release.createdOn),
            createdBy: identity(context.model, context.organizationUrl, release.createdBy, project),
            releaseDefinition: definition ? definitionRef(context, project, definition) : null,
          };
        }),
      );
    },
  },
];
