import { BUILDS_STREAM } from './collect/delivery/builds.ts';
import { DEPLOYMENT_CHANGES_STREAM } from './collect/delivery/deploymentChanges.ts';
import { ENVIRONMENTS_STREAM } from './collect/delivery/environmentDeployments.ts';
import { INCIDENT_LINKS_STREAM } from './collect/delivery/incidentRelations.ts';
import { CHANGES_STREAM } from './collect/delivery/pullRequests.ts';
import { RELEASES_STREAM } from './collect/delivery/releaseDeployments.ts';
import { LINKS_STREAM } from './collect/workItems/reportingLinks.ts';
import { REVISIONS_STREAM } from './collect/workItems/reportingRevisions.ts';
import { METADATA_STREAM } from './collect/workItems/teamMetadata.ts';
import { isDeliveryPageKind, isPageKind, type AnyPageKind } from './normalise/pageNormalisers.ts';

/** The stream that stores each kind of raw page: a quarantined record counts against that stream. */
const STREAM_OF_PAGE_KIND: Record<AnyPageKind, string> = {
  'wit.reporting.revisions': REVISIONS_STREAM,
  'wit.reporting.links': LINKS_STREAM,
  'work.teamScope': METADATA_STREAM,
  'work.backlogConfiguration': METADATA_STREAM,
  'wit.workItemTypeStates': METADATA_STREAM,
  'work.iterations': METADATA_STREAM,
  'work.boardColumns': METADATA_STREAM,
  'work.teamDaysOff': METADATA_STREAM,
  'build.builds': BUILDS_STREAM,
  'build.changes': DEPLOYMENT_CHANGES_STREAM,
  'distributedtask.environmentDeploymentRecords': ENVIRONMENTS_STREAM,
  'release.deployments': RELEASES_STREAM,
  'git.pullRequests': CHANGES_STREAM,
  'git.pullRequest': CHANGES_STREAM,
  'git.pullRequestCommits': CHANGES_STREAM,
  'git.commits': CHANGES_STREAM,
  'git.pushes': CHANGES_STREAM,
  'git.pushCommits': CHANGES_STREAM,
  'wit.incidentRelations': INCIDENT_LINKS_STREAM,
};

/** The sync stream behind a quarantined record's page kind (an unknown kind is its own name). */
export function streamOfPageKind(kind: string): string {
  return isPageKind(kind) || isDeliveryPageKind(kind) ? STREAM_OF_PAGE_KIND[kind] : kind;
}
