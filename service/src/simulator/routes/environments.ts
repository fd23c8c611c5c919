import { list, ok } from '../http.ts';
import type { RequestContext } from '../http.ts';
import { errors } from '../errors.ts';
import type { ProjectModel } from '../model/organization.ts';
import { derivedGuid } from '../model/ids.ts';
import type { DeploymentRecordModel, EnvironmentModel } from '../delivery/model.ts';
import { continuationHeader, date, identity } from '../payloads/common.ts';
import { planId } from '../payloads/builds.ts';
import type { Route } from './route.ts';
import { requireProject } from './build.ts';
import { wholeNumber } from './query.ts';

/** Environment deployment records: `top` (no `$`) defaults to 25; next page in `x-ms-continuationtoken`. */
export const DEFAULT_RECORDS_TOP = 25;

function environmentPayload(context: RequestContext, project: ProjectModel, environment: EnvironmentModel) {
  const by = identity(context.model, context.organizationUrl, environment.createdBy, project);
  return {
    id: environment.id,
    name: environment.name,
    description: environment.description,
    createdBy: by,
    createdOn: date(environment.createdOn),
    lastModifiedBy: by,
    lastModifiedOn: date(environment.createdOn),
    project: { id: project.id, name: project.name },
  };
}

function findEnvironment(context: RequestContext, project: ProjectModel, raw: string | undefined): number {
  const index = context.model.delivery.environments.findIndex(
    (candidate) => candidate.projectIndex === project.index && String(candidate.id) === raw,
  );
  if (index === -1)
    throw errors.notFound(
      'EnvironmentNotFoundException',
      `Environment ${raw ?? ''} not found.`,
      'Microsoft.TeamFoundation.DistributedTask.WebApi',
    );
  return index;
}

function recordPayload(context: RequestContext, project: ProjectModel, record: DeploymentRecordModel) {
  const { model, organizationUrl } = context;
  const pipeline = model.delivery.pipelines[record.pipeline];
  const build = model.delivery.builds[record.build - 1];
  const environment = model.delivery.environments[record.environment];
  const plan = build ? planId(model, build) : '';
  return {
    id: record.id,
    requestIdentifier: derivedGuid(model.seed, `request:${record.id}`),
    environmentId: environment?.id,
    serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
    planType: 'Build',
    planId: plan,
    stageName: record.stageName,
    jobName: 'Deploy',
    stageAttempt: record.stageAttempt,
    jobAttempt: 1,
    definition: {
      id: pipeline?.id,
      name: pipeline?.name,
      _links: {
        web: { href: `${organizationUrl}/${project.id}/_build/definition?definitionId=${pipeline?.id ?? 0}` },
      },
    },
    owner: {
      id: record.build,
      name: build?.buildNumber,
      _links: { web: { href: `${organizationUrl}/${project.id}/_build/results?buildId=${record.build}` } },
    },
    ...(record.result === undefined ? {} : { result: record.result }),
    queueTime: date(record.queueTime),
    startTime: date(record.startTime),
    ...(Number.isNaN(record.finishTime) ? {} : { finishTime: date(record.finishTime) }),
    scopeId: project.id,
    resourceId: 0,
    _links: {
      self: {
        href: `${organizationUrl}/${project.id}/_apis/distributedtask/environments/${environment?.id ?? 0}/environmentdeploymentrecords`,
      },
    },
  };
}

export const environmentRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'distributedtask/environments',
    location: 'environments',
    handle: (context, params) => {
      const project = requireProject(params);
      const name = context.query.get('name')?.toLowerCase();
      const environments = context.model.delivery.environments.filter(
        (candidate) =>
          candidate.projectIndex === project.index &&
          (name === undefined ||
            (name.endsWith('*')
              ? candidate.name.toLowerCase().startsWith(name.slice(0, -1))
              : candidate.name.toLowerCase() === name)),
      );
      const start = Number(context.query.get('continuationToken') ?? 0) || 0;
      const top = wholeNumber(context.query, '$top') ?? 50;
      const page = environments.slice(start, start + top);
      return list(
        page.map((environment) => environmentPayload(context, project, environment)),
        continuationHeader(start + top < environments.length ? String(start + top) : undefined),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'distributedtask/environments/:environmentId',
    location: 'environments',
    handle: (context, params) => {
      const project = requireProject(params);
      const index = findEnvironment(context, project, params.values.environmentId);
      const environment = context.model.delivery.environments[index];
      if (!environment) throw errors.invalidArgument('no environment');
      return ok(environmentPayload(context, project, environment));
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'distributedtask/environments/:environmentId/environmentdeploymentrecords',
    location: 'environmentDeploymentRecords',
    handle: (context, params) => {
      const project = requireProject(params);
      const environment = findEnvironment(context, project, params.values.environmentId);
      const top = wholeNumber(context.query, 'top') ?? DEFAULT_RECORDS_TOP;
      const token = context.query.get('continuationToken');
      const below = token === null || token === '' ? Number.POSITIVE_INFINITY : Number(token);
      if (Number.isNaN(below))
        throw errors.invalidArgument(`The continuation token '${token ?? ''}' is not valid.`);
      // Newest first; the token is the id of the first record of the next page.
      const records = context.model.delivery.deploymentRecords;
      const page: DeploymentRecordModel[] = [];
      let next: number | undefined;
      for (let at = records.length - 1; at >= 0; at -= 1) {
        const record = records[at];
        if (!record || record.environment !== environment || record.id > below) continue;
        if (page.length === top) {
          next = record.id;
          break;
        }
        page.push(record);
      }
      return list(
        page.map((record) => recordPayload(context, project, record)),
        continuationHeader(next === undefined ? undefined : String(next)),
      );
    },
  },
];
