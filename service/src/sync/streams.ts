import { buildsStream } from './collect/builds.ts';
import { deploymentChangesStream } from './collect/deploymentChanges.ts';
import { environmentDeploymentsStream } from './collect/environmentDeployments.ts';
import { changesStream } from './collect/pullRequests.ts';
import { releaseDeploymentsStream } from './collect/releaseDeployments.ts';
import { reportingLinksStream } from './collect/reportingLinks.ts';
import { reportingRevisionsStream } from './collect/reportingRevisions.ts';
import { teamMetadataStream } from './collect/teamMetadata.ts';
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
];

export function selectStreams(requested: readonly string[] | 'all'): SyncStream[] {
  if (requested === 'all') return [...ALL_STREAMS];
  const unknown = requested.filter((name) => !ALL_STREAMS.some((stream) => stream.name === name));
  if (unknown.length > 0) throw new Error(`Unknown sync streams: ${unknown.join(', ')}`);
  return ALL_STREAMS.filter((stream) => requested.includes(stream.name));
}
