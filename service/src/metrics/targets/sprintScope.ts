/**
 * Sprint scope against its baseline. The baseline is frozen when the sprint starts; every later change
 * is classed. Removed items stay in the scope's denominator and are listed, so removing work cannot
 * make a target look met.
 */

export type ScopeOrigin = 'planned' | 'added' | 'carriedOver' | 'carriedOverTwice';

export interface ScopeChange {
  itemId: number;
  /** Calendar day of the change, YYYY-MM-DD. */
  day: string;
  change: 'added' | 'removed';
}

export interface SprintScopeInput {
  /** Items in the sprint when it started (its first day, start of day). */
  baseline: readonly number[];
  /** Changes after the baseline, in any order. */
  changes: readonly ScopeChange[];
  /** For each item, how many sprints in a row it was in just before this one (0 or absent: none). */
  earlierSprints: ReadonlyMap<number, number>;
}

export interface ScopedItem {
  itemId: number;
  origin: ScopeOrigin;
  /** Left the sprint after joining it (and is not back). */
  removed: boolean;
  /** The day it joined after the baseline, for added items. */
  addedOn: string | undefined;
  removedOn: string | undefined;
}

function originOf(inBaseline: boolean, earlier: number): ScopeOrigin {
  if (earlier >= 2) return 'carriedOverTwice';
  if (earlier === 1) return 'carriedOver';
  return inBaseline ? 'planned' : 'added';
}

/** Every item that was ever in the sprint, with its origin and whether it was removed, ordered by id. */
export function classifySprintScope(input: SprintScopeInput): ScopedItem[] {
  const baseline = new Set(input.baseline);
  const items = new Map<number, ScopedItem>();
  for (const itemId of baseline) {
    items.set(itemId, {
      itemId,
      origin: originOf(true, input.earlierSprints.get(itemId) ?? 0),
      removed: false,
      addedOn: undefined,
      removedOn: undefined,
    });
  }
  const ordered = [...input.changes].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const change of ordered) {
    const known = items.get(change.itemId);
    if (change.change === 'added') {
      if (known === undefined) {
        items.set(change.itemId, {
          itemId: change.itemId,
          origin: originOf(false, input.earlierSprints.get(change.itemId) ?? 0),
          removed: false,
          addedOn: change.day,
          removedOn: undefined,
        });
      } else {
        known.removed = false;
        known.removedOn = undefined;
      }
    } else if (known !== undefined) {
      known.removed = true;
      known.removedOn = change.day;
    }
  }
  return [...items.values()].sort((a, b) => a.itemId - b.itemId);
}

export interface ScopeCounts {
  planned: number;
  added: number;
  carriedOver: number;
  carriedOverTwice: number;
  removed: number;
  /** Everything that was ever in the sprint: the denominator of scope completion. */
  total: number;
}

export function countScope(items: readonly ScopedItem[]): ScopeCounts {
  const counts: ScopeCounts = {
    planned: 0,
    added: 0,
    carriedOver: 0,
    carriedOverTwice: 0,
    removed: 0,
    total: 0,
  };
  for (const item of items) {
    counts[item.origin] += 1;
    if (item.removed) counts.removed += 1;
    counts.total += 1;
  }
  return counts;
}
