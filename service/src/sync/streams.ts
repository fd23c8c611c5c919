import { buildsStream } from './collect/delivery/builds.ts';
import { deploymentChangesStream } from './collect/delivery/deploymentChanges.ts';
import { environmentDeploymentsStream } from './collect/delivery/environmentDeployments.ts';
import { incidentLinksStream } from './collect/delivery/incidentRelations.ts';
import { changesStream } from './collect/delivery/pullRequests.ts';
import { releaseDeploymentsStream } from './collect/delivery/releaseDeployments.ts';
import { reportingLinksStream } from './collect/workItems/reportingLinks.ts';
import { reportingRevisionsStream } from './collect/workItems/revisionsStream.ts';
import { teamMetadataStream } from './collect/workItems/teamMetadata.ts';
import type { SyncStream } from './stream.ts';

/** Every stream a full sync runs; a stream comes after the streams it waits for (`after`). */
export const ALL_STREAMS: readonly SyncStream[] = [
  teamMetadataStream,
  reportingRevisionsStream,
  reportingLinksStream,
  buildsStream,
  environmentDeploymentsStream,
  releaseDeploymentsStream,
  changesStream,
  deploymentChangesStream,
  incidentLinksStream,
];

export function selectStreams(requested: readonly string[] | 'all'): SyncStream[] {
  if (requested === 'all') return [...ALL_STREAMS];
  const unknown = requested.filter((name) => !ALL_STREAMS.some((stream) => stream.name === name));
  if (unknown.length > 0) throw new Error(`Unknown sync streams: ${unknown.join(', ')}`);
  return ALL_STREAMS.filter((stream) => requested.includes(stream.name));
}
