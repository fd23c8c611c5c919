import type { StreamOutcome } from '../../service/src/sync/syncOrganization.ts';

/**
 * The fewest data requests each stream could make: its items at the largest page size the API allows.
 * Streams that must ask once per parent (a pull request's commits, one build-changes question per pair of
 * deployments) cannot go below one request per parent, so their own page count is their floor.
 */
const LARGEST_PAGE: Record<string, number | 'perParent'> = {
  'wit.reporting.revisions': 1000,
  'wit.reporting.links': 1000,
  'build.builds': 5000,
  'release.deployments': 100,
  'distributedtask.environmentDeployments': 'perParent',
  'git.changes': 'perParent',
  'build.deploymentChanges': 'perParent',
  'work.metadata': 'perParent',
};

export interface StreamFloor {
  stream: string;
  pages: number;
  floorPages: number;
}

export function floorOf(outcomes: readonly StreamOutcome[]): StreamFloor[] {
  return outcomes.map((outcome) => {
    const largest = LARGEST_PAGE[outcome.stream] ?? 'perParent';
    const floorPages =
      largest === 'perParent' ? outcome.pages : Math.max(1, Math.ceil(outcome.items / largest));
    return { stream: outcome.stream, pages: outcome.pages, floorPages };
  });
}
