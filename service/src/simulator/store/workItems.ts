import { float64, int32, uint16, uint32, uint8 } from './columns.ts';
import { StringPool } from './stringPool.ts';

/** One revision as the generators record it: strings already interned, identities as indexes. */
export interface RevisionInput {
  readonly id: number;
  /** Epoch milliseconds; revisions must be appended in change order. */
  readonly changed: number;
  readonly changedBy: number;
  /** Identity index + 1; 0 when unassigned. */
  readonly assignedTo: number;
  readonly project: number;
  readonly type: number;
  readonly state: number;
  readonly reason: number;
  readonly area: number;
  readonly iteration: number;
  readonly title: number;
  /** Bit mask over TAGS. */
  readonly tags: number;
  /** Board column (pool index, 0 = not on a board). */
  readonly column: number;
  /** Split column: true in its Done half, false in Doing, undefined when the column is not split. */
  readonly columnDone: boolean | undefined;
  readonly priority: number;
  /** Parent work item id, 0 when none. */
  readonly parent: number;
  /** This revision moved the item to the recycle bin. */
  readonly deleted: boolean;
}

const FLAG_SPLIT = 1;
const FLAG_DONE = 2;
const FLAG_DELETED = 4;

/**
 * Every work item revision of the organization in change order (index i has watermark i + 1), as
 * parallel typed arrays. Strings live in one pool. About 50 bytes per revision.
 */
export class WorkItemStore {
  readonly strings = new StringPool();
  private count = 0;
  private maxId = 0;
  readonly ids = int32();
  readonly revs = uint16();
  readonly changed = float64();
  readonly changedBy = uint16();
  readonly assignedTo = uint16();
  readonly projects = uint8();
  readonly types = uint16();
  readonly states = uint16();
  readonly reasons = uint16();
  readonly areas = uint16();
  readonly iterations = uint16();
  readonly titles = uint32();
  readonly tags = uint16();
  readonly columns = uint16();
  readonly flags = uint8();
  readonly priorities = uint8();
  readonly parents = int32();
  /** Index of the item's next revision, -1 while latest (gives System.RevisedDate). */
  readonly next = int32();
  /** Index of the revision that entered the current state (gives StateChangeDate). */
  readonly stateSince = int32();
  private readonly firstPlusOne = int32();
  private readonly last = int32();
  private readonly itemDeleted = uint8();

  get revisionCount(): number {
    return this.count;
  }

  /** Highest work item id in use (ids are 1..maxWorkItemId). */
  get maxWorkItemId(): number {
    return this.maxId;
  }

  get lastChanged(): number {
    return this.count === 0 ? Number.NEGATIVE_INFINITY : this.changed.get(this.count - 1);
  }

  /** The item exists (in the recycle bin or not). */
  has(id: number): boolean {
    return id >= 1 && this.firstPlusOne.get(id) !== 0;
  }

  firstIndex(id: number): number {
    return this.firstPlusOne.get(id) - 1;
  }

  latestIndex(id: number): number {
    return this.last.get(id);
  }

  /** In the recycle bin now. */
  isDeleted(id: number): boolean {
    return this.itemDeleted.get(id) === 1;
  }

  /** Marks an item deleted without a revision (legacy data hid such items from the start). */
  markDeleted(id: number): void {
    this.itemDeleted.set(id, 1);
  }

  isSplit(index: number): boolean {
    return (this.flags.get(index) & FLAG_SPLIT) !== 0;
  }

  isColumnDone(index: number): boolean {
    return (this.flags.get(index) & FLAG_DONE) !== 0;
  }

  isDeletion(index: number): boolean {
    return (this.flags.get(index) & FLAG_DELETED) !== 0;
  }

  append(input: RevisionInput): number {
    const index = this.count;
    if (input.changed < this.lastChanged) throw new Error('revisions must be appended in change order');
    if (input.id < 1) throw new Error('work item ids start at 1');
    const previous = this.has(input.id) ? this.last.get(input.id) : -1;
    this.ids.set(index, input.id);
    this.revs.set(index, previous === -1 ? 1 : this.revs.get(previous) + 1);
    this.changed.set(index, input.changed);
    this.changedBy.set(index, input.changedBy);
    this.assignedTo.set(index, input.assignedTo);
    this.projects.set(index, input.project);
    this.types.set(index, input.type);
    this.states.set(index, input.state);
    this.reasons.set(index, input.reason);
    this.areas.set(index, input.area);
    this.iterations.set(index, input.iteration);
    this.titles.set(index, input.title);
    this.tags.set(index, input.tags);
    this.columns.set(index, input.column);
    this.flags.set(
      index,
      (input.columnDone === undefined ? 0 : FLAG_SPLIT | (input.columnDone ? FLAG_DONE : 0)) |
        (input.deleted ? FLAG_DELETED : 0),
    );
    this.priorities.set(index, input.priority);
    this.parents.set(index, input.parent);
    this.next.set(index, -1);
    const stateChanged = previous === -1 || this.states.get(previous) !== input.state;
    this.stateSince.set(index, stateChanged ? index : this.stateSince.get(previous));
    if (previous === -1) {
      this.firstPlusOne.set(input.id, index + 1);
      this.maxId = Math.max(this.maxId, input.id);
    } else this.next.set(previous, index);
    this.last.set(input.id, index);
    if (input.deleted) this.itemDeleted.set(input.id, 1);
    this.count += 1;
    return index;
  }

  /** The revision of an item in effect at `time` (asOf), or -1 before its creation. */
  indexAt(id: number, time: number): number {
    let index = this.firstIndex(id);
    if (this.changed.get(index) > time) return -1;
    for (
      let next = this.next.get(index);
      next !== -1 && this.changed.get(next) <= time;
      next = this.next.get(next)
    )
      index = next;
    return index;
  }

  /** First revision index changed at or after `time` (binary search over change order). */
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
    return [
      this.ids,
      this.revs,
      this.changed,
      this.changedBy,
      this.assignedTo,
      this.projects,
      this.types,
      this.states,
      this.reasons,
      this.areas,
      this.iterations,
      this.titles,
      this.tags,
      this.columns,
      this.flags,
      this.priorities,
      this.parents,
      this.next,
      this.stateSince,
      this.firstPlusOne,
      this.last,
      this.itemDeleted,
    ].reduce((sum, column) => sum + column.byteLength, 0);
  }
}
