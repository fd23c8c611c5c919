import type { ProjectModel } from '../model/organization.ts';
import type { ReleaseDefinitionModel, ReleaseDeploymentModel, ReleaseModel } from '../delivery/model.ts';
import { date, identity } from './common.ts';
import type { PayloadContext } from './common.ts';
import { sourceVersion } from './builds.ts';

export function definitionRef(
  context: PayloadContext,
  project: ProjectModel,
  definition: ReleaseDefinitionModel,
) {
  const url = `${context.releaseUrl}/${project.id}/_apis/Release/definitions/${definition.id}`;
  return {
    id: definition.id,
    name: definition.name,
    path: '\\',
    projectReference: null,
    url,
    _links: {
      self: { href: url },
      web: { href: `${context.organizationUrl}/${project.id}/_release?definitionId=${definition.id}` },
    },
  };
}

export function releaseRef(context: PayloadContext, project: ProjectModel, release: ReleaseModel) {
  const { model } = context;
  const url = `${context.releaseUrl}/${project.id}/_apis/Release/releases/${release.id}`;
  const web = `${context.organizationUrl}/${project.id}/_release?releaseId=${release.id}&_a=release-summary`;
  const build = model.delivery.builds[release.build - 1];
  const pipeline = build ? model.delivery.pipelines[build.pipeline] : undefined;
  const repository = build ? model.delivery.repositories[build.repository] : undefined;
  return {
    id: release.id,
    name: release.name,
    url,
    artifacts:
      build && pipeline
        ? [
            {
              sourceId: `${project.id}:${pipeline.id}`,
              type: 'Build',
              alias: `_${pipeline.name}`,
              definitionReference: {
                definition: { id: String(pipeline.id), name: pipeline.name },
                version: { id: String(build.id), name: build.buildNumber },
                branch: { id: 'refs/heads/main', name: 'refs/heads/main' },
                sourceVersion: { id: sourceVersion(model, build), name: sourceVersion(model, build) },
                repository: { id: repository?.id, name: repository?.name },
                project: { id: project.id, name: project.name },
              },
              isPrimary: true,
              isRetained: false,
            },
          ]
        : [],
    webAccessUri: web,
    _links: { self: { href: url }, web: { href: web } },
  };
}

export function deploymentPayload(
  context: PayloadContext,
  project: ProjectModel,
  deployment: ReleaseDeploymentModel,
) {
  const { model, organizationUrl } = context;
  const definition = model.delivery.releaseDefinitions[deployment.definition];
  const release = model.delivery.releases[deployment.release - 1];
  const environment = definition?.environments[deployment.environmentIndex];
  const requestedBy = identity(model, organizationUrl, deployment.requestedBy, project);
  const approved = deployment.reason === 'manual';
  return {
    id: deployment.id,
    release: release ? releaseRef(context, project, release) : null,
    releaseDefinition: definition ? definitionRef(context, project, definition) : null,
    releaseEnvironment: { id: deployment.releaseEnvironmentId, name: environment?.name, _links: {} },
    projectReference: { id: project.id, name: project.name },
    definitionEnvironmentId: environment?.id,
    attempt: deployment.attempt,
    reason: deployment.reason,
    deploymentStatus: deployment.deploymentStatus,
    operationStatus: deployment.operationStatus,
    requestedBy,
    requestedFor: requestedBy,
    queuedOn: date(deployment.queuedOn),
    ...(Number.isNaN(deployment.startedOn) ? {} : { startedOn: date(deployment.startedOn) }),
    ...(Number.isNaN(deployment.completedOn) ? {} : { completedOn: date(deployment.completedOn) }),
    lastModifiedOn: date(deployment.lastModifiedOn),
    lastModifiedBy: requestedBy,
    conditions: [],
    preDeployApprovals: approved
      ? [
          {
            id: deployment.id,
            revision: 1,
            approvalType: 'preDeploy',
            status: deployment.operationStatus === 'Rejected' ? 'rejected' : 'approved',
            approver: requestedBy,
            approvedBy: requestedBy,
            isAutomated: false,
            attempt: deployment.attempt,
            createdOn: date(deployment.queuedOn),
            modifiedOn: date(deployment.queuedOn),
          },
        ]
      : [],
    postDeployApprovals: [],
    _links: {},
  };
}
