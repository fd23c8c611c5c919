/**
 * A sprint's scope from its items' iteration history (metric definitions § Sprint outcome targets, Scope):
 * the baseline (in the sprint's iteration at the start of its first day, not already done), the items
 * that joined or left it later (with the day, in the team's time zone), and for each item how many of the
 * team's sprints in a row it came from unfinished. An item's iteration or state at a moment is its last
 * change strictly before that moment. Iterations match by path, without regard to case; a child
 * iteration path is another iteration (it has its own dates), so a move to it leaves the sprint.
 */
import { dayOf } from '../calendar.ts';
import type { ScopeChange, SprintScopeInput } from './sprintScope.ts';

export interface IterationMove {
  at: number;
  iterationPath: string;
}

export interface MembershipItem {
  itemId: number;
  /** Moves into iterations, in time order (the first is the path the item was created in, when known). */
  moves: readonly IterationMove[];
  /** Each moment the item entered a state, in time order, and whether that state is in the Completed category. */
  states: readonly { at: number; done: boolean }[];
}

export interface SprintMembershipInput {
  iterationPath: string;
  /** The start of the sprint's first day and of the day after its last, in the team's time zone (ms). */
  start: number;
  end: number;
  /** Changes are counted up to here (the start of the day evaluated, or the sprint's end). */
  until: number;
  /** The team's sprints before this one, the nearest first. */
  earlierIterationPaths: readonly string[];
  timeZone: string;
  items: readonly MembershipItem[];
}

const sameIteration = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

function lastBefore<T extends { at: number }>(entries: readonly T[], at: number): T | undefined {
  let found: T | undefined;
  for (const entry of entries) {
    if (entry.at >= at) break;
    found = entry;
  }
  return found;
}

const pathBefore = (item: MembershipItem, at: number) => lastBefore(item.moves, at)?.iterationPath ?? null;
const doneBefore = (item: MembershipItem, at: number) => lastBefore(item.states, at)?.done ?? false;

/**
 * How many sprints in a row (of `earlier`, nearest first) the item came from unfinished before the move at
 * index `entry` put it into the sprint.
 */
function sprintsCarriedFrom(item: MembershipItem, entry: number, earlier: readonly string[]): number {
  let count = 0;
  let moveIndex = entry;
  for (const earlierPath of earlier) {
    const move = item.moves[moveIndex];
    const previous = item.moves[moveIndex - 1];
    if (move === undefined || previous === undefined) break;
    if (!sameIteration(previous.iterationPath, earlierPath) || doneBefore(item, move.at)) break;
    count += 1;
    moveIndex -= 1;
  }
  return count;
}

/** Baseline, later changes and earlier sprints of the items, ready for `classifySprintScope`. */
export function sprintScopeFromMembership(input: SprintMembershipInput): SprintScopeInput {
  const baseline: number[] = [];
  const changes: ScopeChange[] = [];
  const earlierSprints = new Map<number, number>();
  const path = input.iterationPath;
  for (const item of input.items) {
    let inSprint = sameIteration(pathBefore(item, input.start), path) && !doneBefore(item, input.start);
    // The move that put the item into the sprint, for where it came from.
    let entry = -1;
    if (inSprint) {
      baseline.push(item.itemId);
      entry = item.moves.findLastIndex((move) => move.at < input.start);
    }
    for (const [index, move] of item.moves.entries()) {
      if (move.at < input.start || move.at >= Math.min(input.until, input.end)) continue;
      const entering = sameIteration(move.iterationPath, path);
      if (entering && !inSprint) {
        // Work already finished when it was moved in (tidying up) is not sprint work.
        if (doneBefore(item, move.at)) continue;
        changes.push({ itemId: item.itemId, day: dayOf(move.at, input.timeZone), change: 'added' });
        if (entry < 0) entry = index;
        inSprint = true;
      } else if (!entering && inSprint) {
        changes.push({ itemId: item.itemId, day: dayOf(move.at, input.timeZone), change: 'removed' });
        inSprint = false;
      }
    }
    if (entry >= 0) {
      const carried = sprintsCarriedFrom(item, entry, input.earlierIterationPaths);
      if (carried > 0) earlierSprints.set(item.itemId, carried);
    }
  }
  return { baseline, changes, earlierSprints };
}
