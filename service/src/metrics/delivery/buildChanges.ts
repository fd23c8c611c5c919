import type { ChangeRecord, DeploymentChangeLink } from '../../domain/delivery.ts';

/**
 * The changes of each build, as dense indices into one change list. Indices rather than objects
 * let the hot loops keep per-change state in typed arrays instead of hashing objects or ids.
 */
export interface ChangesByBuild {
  changes: readonly ChangeRecord[];
  byBuild: ReadonlyMap<number, readonly number[]>;
}

/** Groups links by build; links to unknown changes are ignored, and a change id listed twice keeps its last record. */
export function groupChangesByBuild(
  links: readonly DeploymentChangeLink[],
  changes: readonly ChangeRecord[],
): ChangesByBuild {
  const indexById = new Map<string, number>();
  changes.forEach((change, index) => indexById.set(change.id, index));
  const byBuild = new Map<number, number[]>();
  for (const link of links) {
    const index = indexById.get(link.changeId);
    if (index === undefined) continue;
    const list = byBuild.get(link.buildId);
    if (list === undefined) byBuild.set(link.buildId, [index]);
    else list.push(index);
  }
  return { changes, byBuild };
}

/** The change records of one build, in link order. */
export function changesOfBuild(grouped: ChangesByBuild, buildId: number | null): ChangeRecord[] {
  const indices = buildId === null ? undefined : grouped.byBuild.get(buildId);
  const records: ChangeRecord[] = [];
  for (const index of indices ?? []) {
    const change = grouped.changes[index];
    if (change !== undefined) records.push(change);
  }
  return records;
}
