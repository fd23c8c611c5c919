import { BUILDS_STREAM } from './collect/delivery/builds.ts';
import { DEPLOYMENT_CHANGES_STREAM } from './collect/delivery/deploymentChanges.ts';
import { ENVIRONMENTS_STREAM } from './collect/delivery/environmentDeployments.ts';
import { INCIDENT_LINKS_STREAM } from './collect/delivery/incidentRelations.ts';
import { CHANGES_STREAM } from './collect/delivery/pullRequests.ts';
import { RELEASES_STREAM } from './collect/delivery/releaseDeployments.ts';
import { LINKS_STREAM } from './collect/workItems/reportingLinks.ts';
import { REVISIONS_STREAM } from './collect/workItems/reportingRevisions.ts';
import { METADATA_STREAM } from './collect/workItems/teamMetadata.ts';
import type { HookEventType } from '../ado/hookEventTypes.ts';

export { HOOK_EVENT_TYPES, isHookEventType, type HookEventType } from '../ado/hookEventTypes.ts';

/**
 * Which streams an event makes stale. Events for streams not collected yet ask for nothing; the periodic
 * reconciliation still runs every stream.
 */
export const STREAMS_FOR_EVENT: Record<HookEventType, readonly string[]> = {
  // An incident's artifact links change with the work item (its relations); asked only for incidents.
  'workitem.created': [REVISIONS_STREAM, LINKS_STREAM, INCIDENT_LINKS_STREAM],
  'workitem.updated': [REVISIONS_STREAM, LINKS_STREAM, INCIDENT_LINKS_STREAM],
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

/**
 * Team settings, iterations, board columns and process changes have no service-hook event: the periodic
 * full run reads them when a team appeared or went, or once `SEIKA_METADATA_REFRESH_MINUTES` have passed.
 */
export const PERIODIC_ONLY_STREAMS: readonly string[] = [METADATA_STREAM];
