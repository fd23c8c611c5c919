import type { StreamOutcome } from '../../service/src/sync/syncOrganization.ts';

/**
 * The fewest data requests each stream could make: its items at the largest page size the API allows.
 * Lists the API serves per project (builds, release deployments) need at least one page per project.
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

const PER_PROJECT = new Set(['build.builds', 'release.deployments']);

export function floorOf(outcomes: readonly StreamOutcome[], projects: number): StreamFloor[] {
  return outcomes.map((outcome) => {
    const largest = LARGEST_PAGE[outcome.stream] ?? 'perParent';
    const least = PER_PROJECT.has(outcome.stream) ? projects : 1;
    const floorPages =
      largest === 'perParent' ? outcome.pages : Math.max(least, Math.ceil(outcome.items / largest));
    return { stream: outcome.stream, pages: outcome.pages, floorPages };
  });
}
