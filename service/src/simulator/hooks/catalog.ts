/** Events the simulator publishes, with their publisher and the resource version it sends. */
export const HOOK_EVENTS = {
  'workitem.created': {
    publisherId: 'tfs',
    resourceVersion: '1.0',
    name: 'Work item created',
    inputs: ['areaPath', 'workItemType', 'projectId'],
  },
  'workitem.updated': {
    publisherId: 'tfs',
    resourceVersion: '1.0',
    name: 'Work item updated',
    inputs: ['areaPath', 'workItemType', 'changedFields', 'projectId'],
  },
  'workitem.deleted': {
    publisherId: 'tfs',
    resourceVersion: '1.0',
    name: 'Work item deleted',
    inputs: ['areaPath', 'workItemType', 'projectId'],
  },
  'build.complete': {
    publisherId: 'tfs',
    resourceVersion: '1.0',
    name: 'Build completed',
    inputs: ['definitionName', 'buildStatus', 'projectId'],
  },
  'git.pullrequest.merged': {
    publisherId: 'tfs',
    resourceVersion: '1.0',
    name: 'Pull request merge attempted',
    inputs: ['repository', 'branch', 'projectId'],
  },
  'ms.vss-pipelines.run-state-changed-event': {
    publisherId: 'pipelines',
    resourceVersion: '5.1-preview.1',
    name: 'Run state changed',
    inputs: ['pipelineId', 'runStateId', 'runResultId', 'projectId'],
  },
  'ms.vss-pipelines.stage-state-changed-event': {
    publisherId: 'pipelines',
    resourceVersion: '5.1-preview.1',
    name: 'Run stage state changed',
    inputs: ['pipelineId', 'stageNameId', 'stageStateId', 'stageResultId', 'projectId'],
  },
  'ms.vss-release.deployment-completed-event': {
    publisherId: 'rm',
    resourceVersion: '3.0-preview.1',
    name: 'Release deployment completed',
    inputs: ['releaseDefinitionId', 'releaseEnvironmentId', 'releaseEnvironmentStatus', 'projectId'],
  },
} as const;

export type HookEventType = keyof typeof HOOK_EVENTS;

export function isHookEventType(value: string): value is HookEventType {
  return value in HOOK_EVENTS;
}
