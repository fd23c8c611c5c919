import { BUILDS_STREAM } from './collect/builds.ts';
import { DEPLOYMENT_CHANGES_STREAM } from './collect/deploymentChanges.ts';
import { ENVIRONMENTS_STREAM } from './collect/environmentDeployments.ts';
import { CHANGES_STREAM } from './collect/pullRequests.ts';
import { RELEASES_STREAM } from './collect/releaseDeployments.ts';
import { LINKS_STREAM } from './collect/reportingLinks.ts';
import { REVISIONS_STREAM } from './collect/reportingRevisions.ts';
import { METADATA_STREAM } from './collect/teamMetadata.ts';

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

/**
 * Which streams an event makes stale. Events for streams not collected yet ask for nothing; the periodic
 * reconciliation still runs every stream.
 */
export const STREAMS_FOR_EVENT: Record<HookEventType, readonly string[]> = {
  'workitem.created': [REVISIONS_STREAM, LINKS_STREAM],
  'workitem.updated': [REVISIONS_STREAM, LINKS_STREAM],
  'workitem.deleted': [REVISIONS_STREAM, LINKS_STREAM],
  // A run's end completes its environment deployment records too; the changes stream then diffs builds.
  'build.complete': [BUILDS_STREAM, ENVIRONMENTS_STREAM, DEPLOYMENT_CHANGES_STREAM],
  'ms.vss-pipelines.run-state-changed-event': [BUILDS_STREAM, ENVIRONMENTS_STREAM, DEPLOYMENT_CHANGES_STREAM],
  'ms.vss-pipelines.stage-state-changed-event': [
    ENVIRONMENTS_STREAM,
    BUILDS_STREAM,
    DEPLOYMENT_CHANGES_STREAM,
  ],
  'ms.vss-release.deployment-completed-event': [RELEASES_STREAM, DEPLOYMENT_CHANGES_STREAM],
  'git.pullrequest.merged': [CHANGES_STREAM],
};

/** Team and process changes have no event; they ride along with the periodic full run. */
export const PERIODIC_ONLY_STREAMS: readonly string[] = [METADATA_STREAM];
