import { float64, int32, uint8 } from './columns.ts';

/** Link types the reporting API reports, in their forward direction (source → target). */
export const LINK_TYPES = [
  'System.LinkTypes.Hierarchy',
  'System.LinkTypes.Related',
  'System.LinkTypes.Dependency',
  'System.LinkTypes.Duplicate',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface LinkChange {
  readonly source: number;
  readonly target: number;
  readonly rel: LinkType;
  readonly changed: number;
  /** False when this change removed the link. */
  readonly isActive: boolean;
}

/** Link additions and removals in change order (index i has watermark i + 1). */
export class LinkStore {
  private count = 0;
  readonly sources = int32();
  readonly targets = int32();
  readonly rels = uint8();
  readonly changed = float64();
  readonly active = uint8();
  /** Change indexes touching each work item (either end), for relations of a work item. */
  private readonly byItem = new Map<number, number[]>();

  get changeCount(): number {
    return this.count;
  }

  append(change: LinkChange): number {
    const index = this.count;
    // Change order is kept by clamping: a change can never be older than the one before it.
    const changed = index > 0 ? Math.max(change.changed, this.changed.get(index - 1)) : change.changed;
    this.sources.set(index, change.source);
    this.targets.set(index, change.target);
    this.rels.set(index, LINK_TYPES.indexOf(change.rel));
    this.changed.set(index, changed);
    this.active.set(index, change.isActive ? 1 : 0);
    for (const id of [change.source, change.target]) {
      const touching = this.byItem.get(id);
      if (touching) touching.push(index);
      else this.byItem.set(id, [index]);
    }
    this.count += 1;
    return index;
  }

  /** Links of an item in effect at `time`: the latest change of each (rel, source, target) that is active. */
  linksOf(id: number, time: number): { rel: LinkType; source: number; target: number }[] {
    const latest = new Map<string, number>();
    for (const index of this.byItem.get(id) ?? []) {
      if (this.changed.get(index) > time) break;
      latest.set(`${this.rels.get(index)}:${this.sources.get(index)}:${this.targets.get(index)}`, index);
    }
    return [...latest.values()]
      .filter((index) => this.active.get(index) === 1)
      .map((index) => ({
        rel: this.rel(index),
        source: this.sources.get(index),
        target: this.targets.get(index),
      }));
  }

  rel(index: number): LinkType {
    return LINK_TYPES[this.rels.get(index)] ?? 'System.LinkTypes.Related';
  }

  firstIndexAtOrAfter(time: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.changed.get(middle) < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  get byteLength(): number {
    return [this.sources, this.targets, this.rels, this.changed, this.active].reduce(
      (sum, column) => sum + column.byteLength,
      0,
    );
  }
}
