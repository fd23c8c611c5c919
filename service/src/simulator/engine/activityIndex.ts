import type { Random } from '../model/random.ts';

const DAY = 86_400_000;

interface Entry {
  readonly id: number;
  readonly start: number;
  end: number;
}

/**
 * Work items in progress per group (a team, or the repositories sharing its work), so a change can reference what its team is working on.
 * Queries come in time order (the simulation's), so started items move from `upcoming` to `open` and
 * finished ones drop out as time passes.
 */
export class ActivityIndex {
  private readonly upcoming = new Map<number, Entry[]>();
  private readonly open = new Map<number, Entry[]>();
  private readonly byId = new Map<number, Entry>();

  /** An item of `group` worked on from `start` until `end` (Infinity while unfinished). */
  add(group: number, id: number, start: number, end = Number.POSITIVE_INFINITY): void {
    const entry = { id, start, end };
    this.byId.set(id, entry);
    const list = this.upcoming.get(group) ?? [];
    list.push(entry);
    if (list.length > 1 && (list[list.length - 2]?.start ?? 0) > start)
      list.sort((a, b) => a.start - b.start);
    this.upcoming.set(group, list);
  }

  finish(id: number, end: number): void {
    const entry = this.byId.get(id);
    if (entry && entry.end === Number.POSITIVE_INFINITY) entry.end = end;
  }

  /** A random item in progress within a day of `at` (0 when none). */
  pick(group: number, at: number, random: Random): number {
    const upcoming = this.upcoming.get(group) ?? [];
    const open = this.open.get(group) ?? [];
    let moved = 0;
    while (moved < upcoming.length && (upcoming[moved]?.start ?? Infinity) <= at + DAY) moved += 1;
    open.push(...upcoming.splice(0, moved));
    const current = open.filter((entry) => entry.end >= at - DAY);
    for (const gone of open) if (gone.end < at - DAY) this.byId.delete(gone.id);
    this.open.set(group, current);
    return current.length === 0 ? 0 : random.pick(current).id;
  }
}
