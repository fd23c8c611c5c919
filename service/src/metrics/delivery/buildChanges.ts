import type { ChangeRecord, DeploymentChangeLink } from '../../domain/delivery.ts';
import { NumberTable, StringTable } from './hashTables.ts';
import { LinkTable, type Links } from './linkTable.ts';
import { FRESH, ScratchSpace, type TypedArrays } from './scratch.ts';

/**
 * The changes of each build, as dense indices into one change list. Indices rather than objects
 * let the hot loops keep per-change state in typed arrays instead of hashing objects or ids.
 */
export interface ChangesByBuild {
  changes: readonly ChangeRecord[];
  byBuild: ReadonlyMap<number, readonly number[]>;
}

/**
 * The grouping as flat arrays: the builds are numbered in first-linked order, and the change
 * indices of build b are changeIndices[offsets[b]] … changeIndices[offsets[b + 1] - 1], in link order.
 * `byBuild` is only materialised if someone asks for it.
 */
export class BuildChangeTable implements ChangesByBuild {
  private materialised: Map<number, readonly number[]> | undefined;

  constructor(
    readonly changes: readonly ChangeRecord[],
    readonly builds: NumberTable,
    readonly offsets: Int32Array,
    readonly changeIndices: Int32Array,
  ) {}

  get byBuild(): ReadonlyMap<number, readonly number[]> {
    if (this.materialised === undefined) {
      const byBuild = new Map<number, readonly number[]>();
      for (let build = 0; build < this.builds.size; build++) {
        const buildId = this.builds.keyOf(build);
        const from = this.offsets[build] ?? 0;
        const to = this.offsets[build + 1] ?? from;
        if (buildId !== undefined && to > from) {
          byBuild.set(buildId, Array.from(this.changeIndices.subarray(from, to)));
        }
      }
      this.materialised = byBuild;
    }
    return this.materialised;
  }

  /** The number of the build, or -1 when no change is linked to it. */
  buildOf(buildId: number | null): number {
    return buildId === null ? -1 : this.builds.find(buildId);
  }

  /** The number of changes linked to a build. */
  countOf(build: number): number {
    return build < 0 ? 0 : (this.offsets[build + 1] ?? 0) - (this.offsets[build] ?? 0);
  }
}

/** The table itself, or one built from a plain ChangesByBuild (its builds numbered in map order). */
export function asBuildChangeTable(grouped: ChangesByBuild): BuildChangeTable {
  if (grouped instanceof BuildChangeTable) return grouped;
  const builds = new NumberTable(grouped.byBuild.size);
  const offsets = new Int32Array(grouped.byBuild.size + 1);
  const indices: number[] = [];
  for (const [buildId, changeIndices] of grouped.byBuild) {
    const build = builds.intern(buildId);
    for (const index of changeIndices) indices.push(index);
    offsets[build + 1] = indices.length;
  }
  return new BuildChangeTable(grouped.changes, builds, offsets, Int32Array.from(indices));
}

/**
 * Groups links by build; links to unknown changes are ignored, and a change id listed twice keeps
 * its last record. `arrays`: where the table's arrays come from (see scratch.ts).
 */
export function groupChangesByBuild(
  links: Links,
  changes: readonly ChangeRecord[],
  arrays: TypedArrays = FRESH,
): BuildChangeTable {
  // Links found over these very records already point at them: no change id needs hashing again.
  if (links instanceof LinkTable && links.changes === changes) return groupLinkTable(links, arrays);
  return groupLinkObjects(links instanceof LinkTable ? links.toArray() : links, changes, arrays);
}

/** The two-pass grouping (count per build, then place) over links given as build and change numbers. */
function groupByBuild(
  count: number,
  buildIdOf: (link: number) => number,
  changeOf: (link: number) => number,
  changes: readonly ChangeRecord[],
  arrays: TypedArrays,
): BuildChangeTable {
  // Builds usually have a few links each: the table starts small and grows if need be.
  const builds = new NumberTable(count / 2, arrays, arrays);
  const buildOfLink = SPACE.buildOfLink.int32(count);
  const changeOfLink = SPACE.changeOfLink.int32(count);
  const counts = SPACE.counts.int32(count);
  let lastBuildId = Number.NaN;
  let build = -1;
  for (let l = 0; l < count; l++) {
    const change = changeOf(l);
    if (change === -1) {
      buildOfLink[l] = -1;
      continue;
    }
    const buildId = buildIdOf(l);
    if (buildId !== lastBuildId) {
      lastBuildId = buildId;
      build = builds.intern(lastBuildId);
    }
    counts[build] = (counts[build] ?? 0) + 1;
    buildOfLink[l] = build;
    changeOfLink[l] = change;
  }
  const offsets = arrays.int32(builds.size + 1);
  for (let b = 0; b < builds.size; b++) offsets[b + 1] = (offsets[b] ?? 0) + (counts[b] ?? 0);
  const cursor = counts;
  cursor.set(offsets.subarray(0, builds.size));
  const changeIndices = arrays.int32(offsets[builds.size] ?? 0);
  for (let l = 0; l < count; l++) {
    const b = buildOfLink[l] ?? -1;
    if (b === -1) continue;
    const at = cursor[b] ?? 0;
    changeIndices[at] = changeOfLink[l] ?? 0;
    cursor[b] = at + 1;
  }
  return new BuildChangeTable(changes, builds, offsets, changeIndices);
}

/**
 * Links of linkChangesToBuildTable: their change indices are the records'. (Change ids are unique:
 * they are keys in storage, so the record a link names is the one it was found as.)
 */
function groupLinkTable(links: LinkTable, arrays: TypedArrays): BuildChangeTable {
  const { buildIds, changeIndices } = links;
  return groupByBuild(
    links.length,
    (l) => buildIds[l] ?? 0,
    (l) => changeIndices[l] ?? -1,
    links.changes,
    arrays,
  );
}

function groupLinkObjects(
  links: readonly DeploymentChangeLink[],
  changes: readonly ChangeRecord[],
  arrays: TypedArrays,
): BuildChangeTable {
  const ids = new StringTable(changes.length, SPACE.idSlots);
  // The last record of each id, by id entry.
  const changeOfId = SPACE.changeOfId.int32(changes.length);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    if (change !== undefined) changeOfId[ids.intern(change.id)] = index;
  }

  return groupByBuild(
    links.length,
    (l) => links[l]?.buildId ?? 0,
    (l) => {
      const link = links[l];
      const entry = link === undefined ? -1 : ids.find(link.changeId);
      return entry === -1 ? -1 : (changeOfId[entry] ?? -1);
    },
    changes,
    arrays,
  );
}

/** Working memory of groupChangesByBuild, reused from call to call (see scratch.ts). */
const SPACE = {
  idSlots: new ScratchSpace(),
  changeOfId: new ScratchSpace(),
  buildOfLink: new ScratchSpace(),
  changeOfLink: new ScratchSpace(),
  counts: new ScratchSpace(),
};

/** The change records of one build, in link order. */
export function changesOfBuild(grouped: ChangesByBuild, buildId: number | null): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  if (grouped instanceof BuildChangeTable) {
    const build = grouped.buildOf(buildId);
    if (build === -1) return records;
    const to = grouped.offsets[build + 1] ?? 0;
    for (let at = grouped.offsets[build] ?? 0; at < to; at++) {
      const change = grouped.changes[grouped.changeIndices[at] ?? -1];
      if (change !== undefined) records.push(change);
    }
    return records;
  }
  const indices = buildId === null ? undefined : grouped.byBuild.get(buildId);
  for (const index of indices ?? []) {
    const change = grouped.changes[index];
    if (change !== undefined) records.push(change);
  }
  return records;
}
