/** Azure DevOps service-hook event types Seika subscribes to: the publisher and payload version of each. */

/** The service-hook events Seika subscribes to, with their publisher and payload version. */
export const HOOK_EVENT_TYPES = [
  'workitem.created',
  'workitem.updated',
  'workitem.deleted',
  'build.complete',
  'ms.vss-pipelines.run-state-changed-event',
  'ms.vss-pipelines.stage-state-changed-event',
  'ms.vss-release.deployment-completed-event',
  'git.pullrequest.merged',
] as const;
export type HookEventType = (typeof HOOK_EVENT_TYPES)[number];

export function isHookEventType(value: string): value is HookEventType {
  return (HOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export const HOOK_PUBLISHERS: Record<HookEventType, { publisherId: string; resourceVersion: string }> = {
  'workitem.created': { publisherId: 'tfs', resourceVersion: '1.0' },
  'workitem.updated': { publisherId: 'tfs', resourceVersion: '1.0' },
  'workitem.deleted': { publisherId: 'tfs', resourceVersion: '1.0' },
  'build.complete': { publisherId: 'tfs', resourceVersion: '2.0' },
  'ms.vss-pipelines.run-state-changed-event': { publisherId: 'pipelines', resourceVersion: '5.1-preview.1' },
  'ms.vss-pipelines.stage-state-changed-event': {
    publisherId: 'pipelines',
    resourceVersion: '5.1-preview.1',
  },
  'ms.vss-release.deployment-completed-event': { publisherId: 'rm', resourceVersion: '3.0-preview.1' },
  'git.pullrequest.merged': { publisherId: 'tfs', resourceVersion: '1.0' },
};
