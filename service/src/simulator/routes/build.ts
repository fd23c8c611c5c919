import { list, ok } from '../http.ts';
import type { RequestContext, RouteResult } from '../http.ts';
import { errors } from '../errors.ts';
import type { OrganizationModel, ProjectModel } from '../model/organization.ts';
import type { BuildModel, CommitModel } from '../delivery/model.ts';
import { buildPayload, definitionRef } from '../payloads/builds.ts';
import { timelinePayload } from '../payloads/timeline.ts';
import { changePayload } from '../payloads/changes.ts';
import { continuationHeader, tokenTime } from '../payloads/common.ts';
import type { Route, RouteParams } from './route.ts';
import { orderTime, parseBuildQuery } from './buildQuery.ts';
import type { BuildOrder } from './buildQuery.ts';
import { wholeNumber } from './query.ts';
import { workItemUrl } from './links.ts';

const sortedCache = new WeakMap<OrganizationModel, Map<string, BuildModel[]>>();

/** Builds in `order` (ties by id), cached until the clock or the build list changes. */
function sortedBuilds(context: RequestContext, order: BuildOrder): BuildModel[] {
  const { model } = context;
  const builds = model.delivery.builds;
  const key = `${order}:${context.now}:${builds.length}`;
  let cache = sortedCache.get(model);
  if (!cache) {
    cache = new Map();
    sortedCache.set(model, cache);
  }
  const known = cache.get(key);
  if (known) return known;
  cache.clear();
  const descending = order.endsWith('Descending');
  const sorted = builds
    .filter((build) => !Number.isNaN(orderTime(build, order)))
    .sort((a, b) => {
      const difference = orderTime(a, order) - orderTime(b, order) || a.id - b.id;
      return descending ? -difference : difference;
    });
  cache.set(key, sorted);
  return sorted;
}

export function requireProject(params: RouteParams): ProjectModel {
  if (!params.project) throw errors.invalidArgument('A project is required.');
  return params.project;
}

export function findBuild(
  context: RequestContext,
  project: ProjectModel,
  raw: string | undefined,
): BuildModel {
  const id = Number(raw);
  const build = Number.isInteger(id) ? context.model.delivery.builds[id - 1] : undefined;
  if (!build || build.projectIndex !== project.index)
    throw errors.notFound(
      'BuildNotFoundException',
      `The requested build ${raw ?? ''} could not be found.`,
      'Microsoft.TeamFoundation.Build.WebApi',
    );
  return build;
}

/**
 * `GET {project}/_apis/build/builds`: `{count, value}` with the next page's token in the
 * `x-ms-continuationtoken` header — the time (per queryOrder) of the first build not returned.
 */
function listBuilds(context: RequestContext, params: RouteParams): RouteResult {
  const project = requireProject(params);
  const query = parseBuildQuery(context, project);
  const descending = query.order.endsWith('Descending');
  const page: BuildModel[] = [];
  const perDefinition = new Map<number, number>();
  let next: number | undefined;
  for (const build of sortedBuilds(context, query.order)) {
    const time = orderTime(build, query.order);
    if (query.minTime !== undefined && time < query.minTime) continue;
    if (query.maxTime !== undefined && time > query.maxTime) continue;
    if (
      query.continuation !== undefined &&
      (descending ? time > query.continuation : time < query.continuation)
    )
      continue;
    if (!query.matches(build)) continue;
    if (query.maxPerDefinition !== undefined) {
      const seen = perDefinition.get(build.pipeline) ?? 0;
      if (seen >= query.maxPerDefinition) continue;
      perDefinition.set(build.pipeline, seen + 1);
    }
    if (page.length === query.top) {
      next = time;
      break;
    }
    page.push(build);
  }
  return list(
    page.map((build) => buildPayload(context.organizationUrl, context.model, build)),
    continuationHeader(next === undefined ? undefined : tokenTime(next)),
  );
}

/** Commits of a build: main commits since the previous main build, or a pull request's commits. */
export function buildCommits(model: OrganizationModel, build: BuildModel): CommitModel[] {
  const repository = model.delivery.repositories[build.repository];
  if (!repository) return [];
  if (build.pullRequest !== 0) {
    const pullRequest = model.delivery.pullRequests[build.pullRequest - 1];
    return (pullRequest?.commits ?? [])
      .filter((index) => index <= build.sourceCommit)
      .map((index) => repository.branch[index])
      .filter((commit): commit is CommitModel => commit !== undefined)
      .reverse();
  }
  return repository.main.slice(build.changesAfter + 1, build.sourceCommit + 1).reverse();
}

/** Build changes: `$top` defaults to 50 and is capped at 200 (the reported ceiling); header paging. */
function pageOfChanges(
  context: RequestContext,
  commits: readonly CommitModel[],
  paged: boolean,
): RouteResult {
  const top = Math.min(wholeNumber(context.query, '$top') ?? 50, 200);
  const start = paged ? Number(context.query.get('continuationToken') ?? 0) || 0 : 0;
  const slice = commits.slice(start, start + top);
  const more = paged && start + top < commits.length;
  return list(
    slice.map((commit) => changePayload(context.organizationUrl, context.model, commit)),
    continuationHeader(more ? String(start + top) : undefined),
  );
}

export const buildRoutes: readonly Route[] = [
  { methods: ['GET'], scope: 'project', pattern: 'build/builds', location: 'builds', handle: listBuilds },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'build/builds/:buildId',
    location: 'builds',
    handle: (context, params) =>
      ok(
        buildPayload(
          context.organizationUrl,
          context.model,
          findBuild(context, requireProject(params), params.values.buildId),
        ),
      ),
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'build/builds/:buildId/changes',
    location: 'buildChanges',
    handle: (context, params) => {
      const build = findBuild(context, requireProject(params), params.values.buildId);
      return pageOfChanges(context, buildCommits(context.model, build), true);
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'build/changes',
    location: 'changesBetweenBuilds',
    handle: (context, params) => {
      const project = requireProject(params);
      const from = findBuild(context, project, context.query.get('fromBuildId') ?? undefined);
      const to = findBuild(context, project, context.query.get('toBuildId') ?? undefined);
      if (from.repository !== to.repository || from.pullRequest !== 0 || to.pullRequest !== 0)
        throw errors.invalidArgument('The two builds must be builds of the same repository and branch.');
      const repository = context.model.delivery.repositories[to.repository];
      const commits = repository
        ? repository.main.slice(from.sourceCommit + 1, to.sourceCommit + 1).reverse()
        : [];
      return pageOfChanges(context, commits, false);
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'build/builds/:buildId/workitems',
    location: 'buildWorkItems',
    handle: (context, params) => {
      const build = findBuild(context, requireProject(params), params.values.buildId);
      const ids = [...new Set(buildCommits(context.model, build).flatMap((commit) => commit.workItems))];
      const top = wholeNumber(context.query, '$top') ?? 50;
      return list(
        ids.slice(0, top).map((id) => ({ id: String(id), url: workItemUrl(context.organizationUrl, id) })),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'build/builds/:buildId/timeline/:timelineId?',
    location: 'buildTimeline',
    handle: (context, params) => {
      const build = findBuild(context, requireProject(params), params.values.buildId);
      return ok(timelinePayload(context.organizationUrl, context.model, build));
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'build/definitions/:definitionId?',
    location: 'buildDefinitions',
    handle: (context, params) => {
      const project = requireProject(params);
      const pipelines = context.model.delivery.pipelines.filter(
        (pipeline) => pipeline.projectIndex === project.index,
      );
      const wanted = params.values.definitionId;
      if (wanted !== undefined) {
        const pipeline = pipelines.find((candidate) => String(candidate.id) === wanted);
        if (!pipeline)
          throw errors.notFound(
            'DefinitionNotFoundException',
            `The pipeline with id ${wanted} could not be found.`,
            'Microsoft.TeamFoundation.Build.WebApi',
          );
        return ok(definitionRef(context.organizationUrl, context.model, pipeline));
      }
      const name = context.query.get('name')?.toLowerCase();
      return list(
        pipelines
          .filter((pipeline) => name === undefined || pipeline.name.toLowerCase() === name)
          .map((pipeline) => definitionRef(context.organizationUrl, context.model, pipeline)),
      );
    },
  },
];
