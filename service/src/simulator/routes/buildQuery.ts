import { errors } from '../errors.ts';
import type { RequestContext } from '../http.ts';
import type { ProjectModel } from '../model/organization.ts';
import type { BuildModel, BuildReason, BuildResult, BuildStatus } from '../delivery/model.ts';
import { csv, dateParam, enumParam, intList, wholeNumber } from './query.ts';

/** Enum values as BuildInterfaces numbers them (azure-devops-node-api sends the numbers). */
const STATUS = {
  none: 0,
  inProgress: 1,
  completed: 2,
  cancelling: 4,
  postponed: 8,
  notStarted: 32,
  all: 47,
} as const;
const RESULT = { none: 0, succeeded: 2, partiallySucceeded: 4, failed: 8, canceled: 32 } as const;
const REASON = {
  none: 0,
  manual: 1,
  individualCI: 2,
  batchedCI: 4,
  schedule: 8,
  scheduleForced: 16,
  userCreated: 32,
  validateShelveset: 64,
  checkInShelveset: 128,
  pullRequest: 256,
  buildCompletion: 512,
  resourceTrigger: 1024,
  triggered: 1967,
  all: 2031,
} as const;
const ORDER = {
  finishTimeAscending: 2,
  finishTimeDescending: 3,
  queueTimeDescending: 4,
  queueTimeAscending: 5,
  startTimeDescending: 6,
  startTimeAscending: 7,
} as const;
const DELETED = { excludeDeleted: 0, includeDeleted: 1, onlyDeleted: 2 } as const;

export type BuildOrder = keyof typeof ORDER;

/** `$top` above 5000 is cut to 5000 (the reported ceiling); without `$top` the simulator returns 1000. */
export const MAX_BUILDS_TOP = 5000;
export const DEFAULT_BUILDS_TOP = 1000;

export interface BuildQuery {
  readonly project: ProjectModel;
  readonly order: BuildOrder;
  readonly top: number;
  readonly minTime: number | undefined;
  readonly maxTime: number | undefined;
  readonly continuation: number | undefined;
  readonly matches: (build: BuildModel) => boolean;
  readonly maxPerDefinition: number | undefined;
}

const flagsMatch = <T extends string>(wanted: Set<T> | undefined, all: T, value: T | undefined): boolean =>
  wanted === undefined || wanted.has(all) || (value !== undefined && wanted.has(value));

/** The time a build is ordered (and minTime/maxTime filtered) by. */
export function orderTime(build: BuildModel, order: BuildOrder): number {
  if (order.startsWith('finish')) return build.finishTime;
  if (order.startsWith('start')) return build.startTime;
  return build.queueTime;
}

export function parseBuildQuery(context: RequestContext, project: ProjectModel): BuildQuery {
  const { query, model } = context;
  const orderSet = enumParam(query, 'queryOrder', ORDER);
  const order: BuildOrder = orderSet ? ([...orderSet][0] ?? 'queueTimeDescending') : 'queueTimeDescending';
  const definitions = intList(query, 'definitions');
  const buildIds = intList(query, 'buildIds');
  const statuses = enumParam(query, 'statusFilter', STATUS);
  const results = enumParam(query, 'resultFilter', RESULT);
  const reasons = enumParam(query, 'reasonFilter', REASON);
  const deleted = enumParam(query, 'deletedFilter', DELETED);
  const tags = csv(query.get('tagFilters'));
  const branch = query.get('branchName');
  const repositoryId = query.get('repositoryId')?.toLowerCase();
  const buildNumber = query.get('buildNumber');
  const requestedFor = query.get('requestedFor')?.toLowerCase();
  const token = query.get('continuationToken');
  let continuation: number | undefined;
  if (token !== null && token !== '') {
    continuation = Date.parse(token);
    if (Number.isNaN(continuation))
      throw errors.invalidArgument(`The continuation token '${token}' is not valid.`);
  }
  const numberMatches = (value: string): boolean => {
    if (buildNumber === null || buildNumber === '') return true;
    return buildNumber.endsWith('*') ? value.startsWith(buildNumber.slice(0, -1)) : value === buildNumber;
  };
  const pipelineIds = (build: BuildModel): number => model.delivery.pipelines[build.pipeline]?.id ?? -1;
  const people = model.identities;
  return {
    project,
    order,
    top: Math.min(wholeNumber(query, '$top') ?? DEFAULT_BUILDS_TOP, MAX_BUILDS_TOP),
    minTime: dateParam(query, 'minTime'),
    maxTime: dateParam(query, 'maxTime'),
    continuation,
    maxPerDefinition: wholeNumber(query, 'maxBuildsPerDefinition'),
    matches: (build) => {
      if (build.projectIndex !== project.index) return false;
      if (deleted?.has('onlyDeleted') === true) return false;
      if (definitions && !definitions.includes(pipelineIds(build))) return false;
      if (buildIds && !buildIds.includes(build.id)) return false;
      if (!flagsMatch<keyof typeof STATUS>(statuses, 'all', build.status as BuildStatus)) return false;
      if (
        results &&
        !(build.result === undefined ? results.has('none') : results.has(build.result as BuildResult))
      )
        return false;
      if (!flagsMatch<keyof typeof REASON>(reasons, 'all', build.reason as BuildReason)) return false;
      if (tags) return false;
      if (
        branch !== null &&
        branch !== '' &&
        (build.pullRequest === 0 ? 'refs/heads/main' : `refs/pull/${build.pullRequest}/merge`) !== branch
      )
        return false;
      if (repositoryId !== undefined && model.delivery.repositories[build.repository]?.id !== repositoryId)
        return false;
      if (!numberMatches(build.buildNumber)) return false;
      if (requestedFor !== undefined) {
        const person = people[build.requestedFor];
        if (
          !person ||
          (person.id !== requestedFor &&
            person.email.toLowerCase() !== requestedFor &&
            person.displayName.toLowerCase() !== requestedFor)
        )
          return false;
      }
      return true;
    },
  };
}
