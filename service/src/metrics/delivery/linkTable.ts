import type { ChangeLinkEvidence, ChangeRecord, DeploymentChangeLink } from '../../domain/delivery.ts';

const EVIDENCE: readonly ChangeLinkEvidence[] = ['sourceVersion', 'buildChanges'];

/**
 * Links as columns: the build id, the index of the change in `changes` and the evidence of each link,
 * in link order. linkChangesToBuilds finds links as numbers; keeping them as numbers lets the engine
 * group them by build without hashing every change id again, and spares hundreds of thousands of
 * link objects that would live as long as the cached input. `toArray` makes the objects when asked.
 */
export class LinkTable {
  private materialised: DeploymentChangeLink[] | undefined;

  constructor(
    /** The change list the indices point into. */
    readonly changes: readonly ChangeRecord[],
    readonly buildIds: Float64Array,
    readonly changeIndices: Int32Array,
    /** Index into EVIDENCE: 0 source version, 1 build/changes. */
    readonly evidence: Uint8Array,
  ) {}

  get length(): number {
    return this.buildIds.length;
  }

  /** The links as objects, made once. */
  toArray(): readonly DeploymentChangeLink[] {
    if (this.materialised === undefined) {
      const links = new Array<DeploymentChangeLink>(this.length);
      for (let n = 0; n < links.length; n++) {
        links[n] = {
          buildId: this.buildIds[n] ?? 0,
          changeId: this.changes[this.changeIndices[n] ?? -1]?.id ?? '',
          via: EVIDENCE[this.evidence[n] ?? 0] ?? 'sourceVersion',
        };
      }
      this.materialised = links;
    }
    return this.materialised;
  }
}

/** What the engine accepts as links: objects, or the columns linkChangesToBuilds found them as. */
export type Links = readonly DeploymentChangeLink[] | LinkTable;

export function linkArrayOf(links: Links): readonly DeploymentChangeLink[] {
  return links instanceof LinkTable ? links.toArray() : links;
}
