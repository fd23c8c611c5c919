import { list, ok } from '../http.ts';
import type { RequestContext } from '../http.ts';
import { errors } from '../errors.ts';
import type { ProjectModel } from '../model/organization.ts';
import type { BuildModel, PipelineModel } from '../delivery/model.ts';
import { continuationHeader } from '../payloads/common.ts';
import { pipelineRef, pipelineUrl, runPayload } from '../payloads/pipelines.ts';
import type { Route } from './route.ts';
import { requireProject } from './build.ts';
import { wholeNumber } from './query.ts';

/** "Gets top 10000 runs for a particular pipeline": no filters and no paging. */
export const MAX_RUNS = 10_000;

function findPipeline(
  context: RequestContext,
  project: ProjectModel,
  raw: string | undefined,
): PipelineModel {
  const pipeline = context.model.delivery.pipelines.find(
    (candidate) => candidate.projectIndex === project.index && String(candidate.id) === raw,
  );
  if (!pipeline)
    throw errors.notFound(
      'PipelineNotFoundException',
      `Pipeline with id ${raw ?? ''} not found.`,
      'Microsoft.Azure.Pipelines.WebApi',
    );
  return pipeline;
}

export const pipelineRoutes: readonly Route[] = [
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'pipelines',
    location: 'pipelines',
    handle: (context, params) => {
      const project = requireProject(params);
      const pipelines = context.model.delivery.pipelines.filter(
        (pipeline) => pipeline.projectIndex === project.index,
      );
      const sorted = context.query.get('orderBy')?.toLowerCase().startsWith('name')
        ? [...pipelines].sort((a, b) => a.name.localeCompare(b.name))
        : pipelines;
      const start = Number(context.query.get('continuationToken') ?? 0) || 0;
      const top = wholeNumber(context.query, '$top') ?? 1000;
      const page = sorted.slice(start, start + top);
      return list(
        page.map((pipeline) => ({
          _links: { self: { href: pipelineUrl(context.organizationUrl, project, pipeline) } },
          ...pipelineRef(context.organizationUrl, project, pipeline),
        })),
        continuationHeader(start + top < sorted.length ? String(start + top) : undefined),
      );
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'pipelines/:pipelineId',
    location: 'pipelines',
    handle: (context, params) => {
      const project = requireProject(params);
      const pipeline = findPipeline(context, project, params.values.pipelineId);
      const repository = context.model.delivery.repositories[pipeline.repository];
      return ok({
        _links: { self: { href: pipelineUrl(context.organizationUrl, project, pipeline) } },
        configuration: {
          path: pipeline.yamlFilename,
          repository: { id: repository?.id, type: 'azureReposGit' },
          type: 'yaml',
        },
        ...pipelineRef(context.organizationUrl, project, pipeline),
      });
    },
  },
  {
    methods: ['GET'],
    scope: 'project',
    pattern: 'pipelines/:pipelineId/runs/:runId?',
    location: 'pipelineRuns',
    handle: (context, params) => {
      const project = requireProject(params);
      const pipeline = findPipeline(context, project, params.values.pipelineId);
      const index = context.model.delivery.pipelines.indexOf(pipeline);
      if (params.values.runId !== undefined) {
        const build = context.model.delivery.builds[Number(params.values.runId) - 1];
        if (!build || build.pipeline !== index)
          throw errors.notFound(
            'PipelineRunNotFoundException',
            `Run ${params.values.runId} not found for pipeline ${pipeline.id}.`,
            'Microsoft.Azure.Pipelines.WebApi',
          );
        return ok(runPayload(context, project, pipeline, build, true));
      }
      const runs: BuildModel[] = [];
      const builds = context.model.delivery.builds;
      for (let at = builds.length - 1; at >= 0 && runs.length < MAX_RUNS; at -= 1) {
        const build = builds[at];
        if (build?.pipeline === index) runs.push(build);
      }
      return list(runs.map((build) => runPayload(context, project, pipeline, build, false)));
    },
  },
];
