/**
 * A team's data version: the highest data version (storage/sql/dataVersions.ts) among what its answers
 * read — its metadata, its project's workflow, and the area paths its field values cover, decided with
 * the engine's own rule (case-insensitive, includeChildren) as team-scoped reads decide them. Pages stored
 * for other teams' areas leave it be; an item moving into or out of the team's areas moves it.
 */
import { isAreaPathCovered } from '../../metrics/index.ts';
import type { TeamDataVersion } from '../../storage/repository.ts';

export function teamDataStamp(version: TeamDataVersion): number {
  let stamp = Math.max(version.teamVersion, version.workflowVersion);
  for (const { area, version: areaVersion } of version.areaVersions) {
    if (areaVersion <= stamp) continue;
    if (version.fieldValues.some((value) => isAreaPathCovered(area, value.value, value.includeChildren))) {
      stamp = areaVersion;
    }
  }
  return stamp;
}
