import type { ProjectModel } from '../model/organization.ts';
import type { BuildModel, PipelineModel } from '../delivery/model.ts';
import { date } from './common.ts';
import type { PayloadContext } from './common.ts';
import { sourceBranch, sourceVersion } from './builds.ts';

export function pipelineUrl(organizationUrl: string, project: ProjectModel, pipeline: PipelineModel): string {
  return `${organizationUrl}/${project.id}/_apis/pipelines/${pipeline.id}?revision=1`;
}

export function pipelineRef(organizationUrl: string, project: ProjectModel, pipeline: PipelineModel) {
  return {
    url: pipelineUrl(organizationUrl, project, pipeline),
    id: pipeline.id,
    revision: 1,
    name: pipeline.name,
    folder: pipeline.folder,
  };
}

/** Run state and result: RunResult has no partial success, which the service reports as succeeded. */
export function runStatus(build: BuildModel): { state: string; result?: string } {
  if (build.status !== 'completed') return { state: 'inProgress' };
  const result = build.result === 'partiallySucceeded' ? 'succeeded' : (build.result ?? 'unknown');
  return { state: 'completed', result };
}

export function runPayload(
  context: PayloadContext,
  project: ProjectModel,
  pipeline: PipelineModel,
  build: BuildModel,
  detailed: boolean,
) {
  const { organizationUrl, model } = context;
  const url = `${organizationUrl}/${project.id}/_apis/pipelines/${pipeline.id}/runs/${build.id}`;
  const web = `${organizationUrl}/${project.id}/_build/results?buildId=${build.id}`;
  const repository = model.delivery.repositories[build.repository];
  return {
    _links: {
      self: { href: url },
      web: { href: web },
      'pipeline.web': {
        href: `${organizationUrl}/${project.id}/_build/definition?definitionId=${pipeline.id}`,
      },
      pipeline: { href: pipelineUrl(organizationUrl, project, pipeline) },
    },
    pipeline: pipelineRef(organizationUrl, project, pipeline),
    ...runStatus(build),
    createdDate: date(build.queueTime),
    ...(Number.isNaN(build.finishTime) ? {} : { finishedDate: date(build.finishTime) }),
    url,
    id: build.id,
    name: build.buildNumber,
    ...(detailed
      ? {
          resources: {
            repositories: {
              self: {
                repository: { id: repository?.id, type: 'azureReposGit' },
                refName: sourceBranch(build),
                version: sourceVersion(model, build),
              },
            },
          },
          templateParameters: {},
        }
      : {}),
  };
}
