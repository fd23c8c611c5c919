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

  get changeCount(): number {
    return this.count;
  }

  append(change: LinkChange): number {
    const index = this.count;
    if (index > 0 && change.changed < this.changed.get(index - 1))
      throw new Error('link changes must be appended in change order');
    this.sources.set(index, change.source);
    this.targets.set(index, change.target);
    this.rels.set(index, LINK_TYPES.indexOf(change.rel));
    this.changed.set(index, change.changed);
    this.active.set(index, change.isActive ? 1 : 0);
    this.count += 1;
    return index;
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
