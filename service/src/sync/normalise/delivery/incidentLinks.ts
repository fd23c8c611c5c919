import { z } from 'zod';
import type { IncidentArtifact } from '../../../domain/delivery.ts';
import type { IncidentLinksRow } from '../../../storage/delivery/repository.ts';

/**
 * Incidents' explicit deployment links: the ArtifactLink relations Azure DevOps keeps on a work item
 * (`GET _apis/wit/workitems?ids=…&$expand=relations`). The link names Boards shows are the relation's
 * `attributes.name`; the artifact is a `vstfs:///` URI: builds as `vstfs:///Build/Build/{buildId}`, release
 * stages as `vstfs:///ReleaseManagement/ReleaseEnvironment/{projectId}:{releaseId}:{environmentId}`
 * (learn.microsoft.com/azure/devops/boards/queries/link-type-reference, "External link types").
 */

/** Link names that say which deployed build or release an incident belongs to (compared case-insensitively). */
export const DEPLOYMENT_LINK_NAMES = [
  'found in build',
  'integrated in build',
  'integrated in release environment',
];

const relationSchema = z.object({
  rel: z.string(),
  url: z.string(),
  attributes: z.object({ name: z.string().nullish() }).nullish(),
});

/** Only the fields read: each item's id and relations; `errorPolicy=omit` answers null for a missing item. */
export const workItemRelationsResponseSchema = z.object({
  value: z.array(
    z.object({ id: z.number().int().positive(), relations: z.array(relationSchema).nullish() }).nullable(),
  ),
});

const BUILD = /^vstfs:\/\/\/Build\/Build\/(\d+)$/i;
const RELEASE_ENVIRONMENT = /^vstfs:\/\/\/ReleaseManagement\/ReleaseEnvironment\/[^:/]+:(\d+):\d+$/i;
const RELEASE = /^vstfs:\/\/\/ReleaseManagement\/Release\/(\d+)$/i;

/** The build or release an artifact URI names; undefined for any other artifact. */
export function artifactOfUri(uri: string): IncidentArtifact | undefined {
  const build = BUILD.exec(uri.trim());
  if (build?.[1] !== undefined) return { kind: 'build', id: Number(build[1]) };
  const release = RELEASE_ENVIRONMENT.exec(uri.trim()) ?? RELEASE.exec(uri.trim());
  if (release?.[1] !== undefined) return { kind: 'release', id: Number(release[1]) };
  return undefined;
}

type Relation = z.output<typeof relationSchema>;

/** The deployment artifacts among a work item's relations, each once. */
export function deploymentArtifactsOf(relations: readonly Relation[]): IncidentArtifact[] {
  const found = new Map<string, IncidentArtifact>();
  for (const relation of relations) {
    if (relation.rel !== 'ArtifactLink') continue;
    const name = (relation.attributes?.name ?? '').trim().toLowerCase();
    if (!DEPLOYMENT_LINK_NAMES.includes(name)) continue;
    const artifact = artifactOfUri(relation.url);
    if (artifact !== undefined) found.set(`${artifact.kind}:${artifact.id}`, artifact);
  }
  return [...found.values()];
}

/** One row per work item of the answer (an item without such links gets an empty list: its links went). */
export function toIncidentLinks(
  response: z.output<typeof workItemRelationsResponseSchema>,
): IncidentLinksRow[] {
  return response.value.flatMap((item) =>
    item === null ? [] : [{ workItemId: item.id, artifacts: deploymentArtifactsOf(item.relations ?? []) }],
  );
}
