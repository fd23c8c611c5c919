import { randomUUID } from 'node:crypto';
import type { OrganizationEvent } from '../engine/events.ts';
import type { ProjectModel } from '../model/organization.ts';
import type { PayloadContext } from '../payloads/common.ts';
import { date, projectOf } from '../payloads/common.ts';
import { buildPayload } from '../payloads/builds.ts';
import { pipelineRef, runPayload } from '../payloads/pipelines.ts';
import { deploymentPayload } from '../payloads/release.ts';
import { pullRequestPayload } from '../payloads/git.ts';
import { revisionFields } from '../routes/revisionFields.ts';
import { workItemUrl } from '../routes/links.ts';
import type { HookEventType } from './catalog.ts';
import { HOOK_EVENTS } from './catalog.ts';

/** An event ready to send, with the facts subscription filters look at. */
export interface HookEvent {
  readonly eventType: HookEventType;
  readonly project: ProjectModel;
  readonly message: string;
  readonly resource: Record<string, unknown>;
  readonly facts: Readonly<Record<string, string | readonly string[]>>;
}

function previousIndex(context: PayloadContext, index: number): number {
  const store = context.model.workItems;
  for (let at = store.firstIndex(store.ids.get(index)); at !== -1; at = store.next.get(at))
    if (store.next.get(at) === index) return at;
  return -1;
}

function workItemEvent(
  context: PayloadContext,
  kind: 'workitem.created' | 'workitem.updated' | 'workitem.deleted',
  index: number,
): HookEvent {
  const { model, organizationUrl } = context;
  const store = model.workItems;
  const id = store.ids.get(index);
  const project = projectOf(model, store.projects.get(index));
  const fields = revisionFields(index, model, organizationUrl, false);
  const url = workItemUrl(organizationUrl, id);
  const type = String(fields['System.WorkItemType']);
  const facts = { areaPath: String(fields['System.AreaPath']), workItemType: type, projectId: project.id };
  const title = `${type} #${id} (${String(fields['System.Title'])})`;
  if (kind !== 'workitem.updated') {
    return {
      eventType: kind,
      project,
      message: `${title} ${kind === 'workitem.created' ? 'created' : 'deleted'} by ${String(fields['System.ChangedBy'])}`,
      facts,
      resource: { id, rev: store.revs.get(index), fields, _links: { self: { href: url } }, url },
    };
  }
  const previous = previousIndex(context, index);
  const before = previous === -1 ? {} : revisionFields(previous, model, organizationUrl, false);
  const changed: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(fields)])) {
    if (JSON.stringify(before[name]) !== JSON.stringify(fields[name]))
      changed[name] = { oldValue: before[name], newValue: fields[name] };
  }
  const person = model.identities[store.changedBy.get(index)];
  return {
    eventType: kind,
    project,
    message: `${title} updated by ${person?.displayName ?? ''}`,
    facts: { ...facts, changedFields: Object.keys(changed) },
    resource: {
      id: store.revs.get(index),
      workItemId: id,
      rev: store.revs.get(index),
      revisedBy: {
        id: person?.id,
        name: `${person?.displayName ?? ''} <${person?.email ?? ''}>`,
        displayName: person?.displayName,
        uniqueName: person?.email,
      },
      revisedDate: '9999-01-01T00:00:00Z',
      fields: changed,
      _links: { self: { href: `${url}/updates/${store.revs.get(index)}` }, parent: { href: url } },
      url: `${url}/updates/${store.revs.get(index)}`,
      revision: { id, rev: store.revs.get(index), fields, url: `${url}/revisions/${store.revs.get(index)}` },
    },
  };
}

const STAGE_STATE = { pending: 'notStarted', inProgress: 'running', completed: 'completed' } as const;
const BUILD_STATUS_FILTER = {
  succeeded: 'Succeeded',
  partiallySucceeded: 'PartiallySucceeded',
  failed: 'Failed',
  canceled: 'Stopped',
} as const;

/** The hook event for an organization change, or undefined when no web hook event matches it. */
export function hookEvent(context: PayloadContext, event: OrganizationEvent): HookEvent | undefined {
  const { model, organizationUrl } = context;
  switch (event.kind) {
    case 'workitem.created':
    case 'workitem.updated':
    case 'workitem.deleted':
      return workItemEvent(context, event.kind, event.revision);
    case 'build.complete':
    case 'run.state':
    case 'stage.state': {
      const build = model.delivery.builds[event.build - 1];
      const pipeline = build ? model.delivery.pipelines[build.pipeline] : undefined;
      if (!build || !pipeline) return undefined;
      const project = projectOf(model, build.projectIndex);
      const run = runPayload(context, project, pipeline, build, true);
      if (event.kind === 'build.complete') {
        return {
          eventType: 'build.complete',
          project,
          message: `Build ${build.buildNumber} ${build.result ?? 'completed'}`,
          facts: {
            definitionName: pipeline.name,
            buildStatus: BUILD_STATUS_FILTER[build.result ?? 'succeeded'],
            projectId: project.id,
          },
          resource: buildPayload(organizationUrl, model, build),
        };
      }
      const common = {
        pipelineId: String(pipeline.id),
        projectId: project.id,
        runStateId: run.state,
        runResultId: run.result ?? '',
      };
      if (event.kind === 'run.state') {
        return {
          eventType: 'ms.vss-pipelines.run-state-changed-event',
          project,
          message: `Run ${build.buildNumber} ${run.state}`,
          facts: common,
          resource: { run, pipeline: pipelineRef(organizationUrl, project, pipeline), runId: build.id },
        };
      }
      const stage = build.stages[event.stage];
      const definition = pipeline.stages[event.stage];
      if (!stage || !definition) return undefined;
      const awaitingApproval =
        stage.state === 'pending' &&
        model.delivery.environments[definition.environment]?.name === 'production';
      const state = awaitingApproval ? 'waiting' : STAGE_STATE[stage.state];
      return {
        eventType: 'ms.vss-pipelines.stage-state-changed-event',
        project,
        message: `Run ${build.buildNumber} stage ${definition.displayName} ${state}`,
        facts: {
          ...common,
          stageNameId: definition.name,
          stageStateId: state,
          stageResultId: stage.result ?? '',
        },
        resource: {
          stage: {
            id: `${build.id}:${definition.name}`,
            name: definition.name,
            displayName: definition.displayName,
            state,
            ...(stage.result === undefined ? {} : { result: stage.result }),
            startTime: date(stage.startTime),
            finishTime: date(stage.finishTime),
          },
          run,
          pipeline: pipelineRef(organizationUrl, project, pipeline),
          stageName: definition.name,
          runId: build.id,
        },
      };
    }
    case 'release.deployment.completed': {
      const deployment = model.delivery.releaseDeployments[event.deployment - 1];
      const definition = deployment ? model.delivery.releaseDefinitions[deployment.definition] : undefined;
      if (!deployment || !definition) return undefined;
      const project = projectOf(model, definition.projectIndex);
      const environment = definition.environments[deployment.environmentIndex];
      const status = deployment.operationStatus === 'Rejected' ? 'rejected' : deployment.deploymentStatus;
      const code = {
        succeeded: '4',
        rejected: '16',
        partiallySucceeded: '128',
        failed: '8',
        notDeployed: '16',
        inProgress: '2',
      }[status];
      return {
        eventType: 'ms.vss-release.deployment-completed-event',
        project,
        message: `Deployment of release ${deployment.release} on environment ${environment?.name ?? ''} ${status}.`,
        facts: {
          releaseDefinitionId: String(definition.id),
          releaseEnvironmentId: String(environment?.id ?? ''),
          releaseEnvironmentStatus: code,
          projectId: project.id,
        },
        resource: {
          environment: {
            id: deployment.releaseEnvironmentId,
            releaseId: deployment.release,
            name: environment?.name,
            status,
            definitionEnvironmentId: environment?.id,
            releaseDefinition: { id: definition.id, name: definition.name },
          },
          deployment: deploymentPayload(context, project, deployment),
          project: { id: project.id, name: project.name },
        },
      };
    }
    case 'git.pullrequest.merged': {
      const pullRequest = model.delivery.pullRequests[event.pullRequest - 1];
      const repository = pullRequest ? model.delivery.repositories[pullRequest.repository] : undefined;
      if (!pullRequest || !repository) return undefined;
      const project = projectOf(model, repository.projectIndex);
      const person = model.identities[pullRequest.createdBy];
      return {
        eventType: 'git.pullrequest.merged',
        project,
        message: `${person?.displayName ?? ''} has created a pull request merge commit`,
        facts: { repository: repository.id, branch: 'refs/heads/main', projectId: project.id },
        resource: pullRequestPayload(organizationUrl, model, pullRequest, true),
      };
    }
  }
}

/** The service hook envelope the consumer receives. */
export function envelope(
  context: PayloadContext,
  subscriptionId: string,
  notificationId: number,
  event: HookEvent,
  at: number,
): Record<string, unknown> {
  const { model, organizationUrl } = context;
  const text = event.message;
  const base = `${organizationUrl}/`;
  return {
    subscriptionId,
    notificationId,
    id: randomUUID(),
    eventType: event.eventType,
    publisherId: HOOK_EVENTS[event.eventType].publisherId,
    message: { text, html: text, markdown: text },
    detailedMessage: { text, html: text, markdown: text },
    resource: event.resource,
    resourceVersion: HOOK_EVENTS[event.eventType].resourceVersion,
    resourceContainers: {
      collection: { id: model.organizationId, baseUrl: base },
      account: { id: model.organizationId, baseUrl: base },
      project: { id: event.project.id, baseUrl: base },
    },
    createdDate: date(at),
  };
}
