import type { OrganizationModel } from '../model/organization.ts';
import { derivedGuid } from '../model/ids.ts';
import type { BuildModel, PipelineModel } from '../delivery/model.ts';
import { commitSha, date, identity, projectOf } from './common.ts';
import { projectRef } from '../routes/links.ts';

export function buildUrl(organizationUrl: string, model: OrganizationModel, build: BuildModel): string {
  return `${organizationUrl}/${projectOf(model, build.projectIndex).id}/_apis/build/Builds/${build.id}`;
}

export function planId(model: OrganizationModel, build: BuildModel): string {
  return derivedGuid(model.seed, `plan:${build.id}`);
}

export function sourceVersion(model: OrganizationModel, build: BuildModel): string {
  const repository = model.delivery.repositories[build.repository];
  const commit =
    build.pullRequest === 0 ? repository?.main[build.sourceCommit] : repository?.branch[build.sourceCommit];
  return commit ? commitSha(model, commit) : '';
}

export function sourceBranch(build: BuildModel): string {
  return build.pullRequest === 0 ? 'refs/heads/main' : `refs/pull/${build.pullRequest}/merge`;
}

export function definitionRef(
  organizationUrl: string,
  model: OrganizationModel,
  pipeline: PipelineModel,
): Record<string, unknown> {
  const project = projectOf(model, pipeline.projectIndex);
  return {
    drafts: [],
    id: pipeline.id,
    name: pipeline.name,
    url: `${organizationUrl}/${project.id}/_apis/build/Definitions/${pipeline.id}?revision=1`,
    uri: `vstfs:///Build/Definition/${pipeline.id}`,
    path: pipeline.folder,
    type: 'build',
    queueStatus: 'enabled',
    revision: 1,
    project: projectRef(organizationUrl, project),
  };
}

/** A Build as `_apis/build/builds` returns it. */
export function buildPayload(
  organizationUrl: string,
  model: OrganizationModel,
  build: BuildModel,
): Record<string, unknown> {
  const project = projectOf(model, build.projectIndex);
  const pipeline = model.delivery.pipelines[build.pipeline];
  const repository = model.delivery.repositories[build.repository];
  const url = buildUrl(organizationUrl, model, build);
  const plan = planId(model, build);
  const web = `${organizationUrl}/${project.id}/_build/results?buildId=${build.id}`;
  const version = sourceVersion(model, build);
  const requestedFor = identity(model, organizationUrl, build.requestedFor, project);
  const triggerInfo: Record<string, string> =
    build.pullRequest === 0
      ? {}
      : {
          'pr.number': String(build.pullRequest),
          'pr.isFork': 'False',
          'pr.triggerRepository': repository?.id ?? '',
          'pr.triggerRepository.Type': 'TfsGit',
          'pr.sourceSha': version,
        };
  const lastChanged =
    [build.finishTime, build.startTime, build.queueTime].find((time) => !Number.isNaN(time)) ??
    build.queueTime;
  return {
    _links: {
      self: { href: url },
      web: { href: web },
      sourceVersionDisplayUri: { href: `${url}/sources` },
      timeline: { href: `${url}/Timeline` },
      badge: { href: `${organizationUrl}/${project.id}/_apis/build/status/${pipeline?.id ?? 0}` },
    },
    properties: {},
    tags: [],
    validationResults: [],
    plans: [{ planId: plan }],
    triggerInfo,
    id: build.id,
    buildNumber: build.buildNumber,
    status: build.status,
    ...(build.result === undefined ? {} : { result: build.result }),
    queueTime: date(build.queueTime),
    ...(Number.isNaN(build.startTime) ? {} : { startTime: date(build.startTime) }),
    ...(Number.isNaN(build.finishTime) ? {} : { finishTime: date(build.finishTime) }),
    url,
    definition: pipeline ? definitionRef(organizationUrl, model, pipeline) : null,
    buildNumberRevision: Number(build.buildNumber.split('.')[1] ?? 1),
    project: projectRef(organizationUrl, project),
    uri: `vstfs:///Build/Build/${build.id}`,
    sourceBranch: sourceBranch(build),
    sourceVersion: version,
    queue: { id: 9, name: 'Azure Pipelines', pool: { id: 9, name: 'Azure Pipelines', isHosted: true } },
    priority: 'normal',
    reason: build.reason,
    requestedFor,
    requestedBy:
      build.requestedFor === -1
        ? requestedFor
        : identity(model, organizationUrl, build.requestedFor, project),
    lastChangedDate: date(lastChanged),
    lastChangedBy: requestedFor,
    orchestrationPlan: { planId: plan },
    logs: { id: 0, type: 'Container', url: `${url}/logs` },
    repository: { id: repository?.id, type: 'TfsGit', clean: null, checkoutSubmodules: false },
    retainedByRelease: false,
    triggeredByBuild: null,
    appendCommitMessageToRunName: true,
  };
}
