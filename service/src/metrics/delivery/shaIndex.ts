import type { ChangeRecord } from '../../domain/delivery.ts';
import { StringTable } from './hashTables.ts';
import { ScratchSpace } from './scratch.ts';

/** Each SHA's changes, as indices into the change list: one for most, several when one SHA stands for several changes. */
export interface ShaIndex {
  table: StringTable;
  /** First change of each SHA entry. */
  firstChange: Int32Array;
  /** Further changes of a SHA entry (e.g. the same commit in two pull requests), in change order. */
  moreChanges: Map<number, number[]>;
}

/** Working memory of indexShas, reused from call to call (see scratch.ts). */
const SPACE = {
  slots: new ScratchSpace(),
  firstChange: new ScratchSpace(),
};

/**
 * Indexes every SHA that stands for a change (a PR's merge commit and commits; a direct commit's
 * SHA). The index lives in reused memory: valid until the next call.
 */
export function indexShas(changes: readonly ChangeRecord[]): ShaIndex {
  let shaCount = 0;
  for (let index = 0; index < changes.length; index++) shaCount += changes[index]?.commitShas.length ?? 0;
  const table = new StringTable(shaCount, SPACE.slots);
  const firstChange = SPACE.firstChange.int32(shaCount);
  const moreChanges = new Map<number, number[]>();
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    if (change === undefined) continue;
    const shas = change.commitShas;
    for (let n = 0; n < shas.length; n++) {
      const known = table.size;
      const entry = table.intern(shas[n] ?? '');
      if (entry === known) {
        firstChange[entry] = index;
        continue;
      }
      // The same record listed twice (or a SHA listed twice by one change) stands once.
      if (changes[firstChange[entry] ?? -1] === change) continue;
      const more = moreChanges.get(entry);
      if (more === undefined) moreChanges.set(entry, [index]);
      else if (!more.some((other) => changes[other] === change)) more.push(index);
    }
  }
  return { table, firstChange, moreChanges };
}
