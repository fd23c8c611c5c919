/**
 * Resolves an item's state history by state CATEGORY (never by state name): when it started, when it
 * completed as of an instant, and the data-quality flags of metric definitions § Workflow.
 */
import type { FlowItem } from '../../domain/records.ts';
import type { StateCategory, WorkflowStateMap } from '../../domain/workflow.ts';
import { STATE_CATEGORIES } from '../../domain/workflow.ts';

/** Numeric category codes so hot loops compare small integers; UNKNOWN_CATEGORY = state in no category. */
export const CATEGORY_CODE: Record<StateCategory, number> = {
  Proposed: 0,
  InProgress: 1,
  Resolved: 2,
  Completed: 3,
  Removed: 4,
};
export const UNKNOWN_CATEGORY = 5;
/** "Before the item's first transition" (it did not exist yet). */
export const NO_CATEGORY = -1;

const PROPOSED = CATEGORY_CODE.Proposed;
const IN_PROGRESS = CATEGORY_CODE.InProgress;
const RESOLVED = CATEGORY_CODE.Resolved;
const COMPLETED = CATEGORY_CODE.Completed;

/** Category of a code, or undefined for UNKNOWN_CATEGORY / NO_CATEGORY. */
export function categoryOfCode(code: number): StateCategory | undefined {
  return STATE_CATEGORIES[code];
}

/** Started means InProgress or Resolved: the Analytics service treats Resolved like InProgress. */
export function isStartedCode(code: number): boolean {
  return code === IN_PROGRESS || code === RESOLVED;
}

/** Whether moving from `from` to `to` goes to an earlier category (Removed and unknown states have no order). */
export function isBackwardMove(from: number, to: number): boolean {
  return from >= PROPOSED && from <= COMPLETED && to >= PROPOSED && to <= COMPLETED && to < from;
}

/** Category code of every transition, looked up with the type the item had at that transition. */
export function transitionCategories(item: FlowItem, workflow: WorkflowStateMap): Uint8Array {
  const codes = new Uint8Array(item.transitions.length);
  let lastType: string | undefined;
  let states: ReadonlyMap<string, StateCategory> | undefined;
  item.transitions.forEach((transition, index) => {
    if (transition.workItemType !== lastType) {
      lastType = transition.workItemType;
      states = workflow.get(lastType);
    }
    const category = states?.get(transition.toState);
    codes[index] = category === undefined ? UNKNOWN_CATEGORY : CATEGORY_CODE[category];
  });
  return codes;
}

export interface WorkflowFlags {
  /** Completed without ever entering InProgress or Resolved. */
  skippedStart: boolean;
  /** Left the Completed category for Proposed, InProgress or Resolved at least once. */
  reopened: boolean;
  /** At least one transition to an earlier category (Proposed < InProgress < Resolved < Completed). */
  backwardMove: boolean;
  /** Entered InProgress/Resolved from outside them more than once. */
  multipleStarts: boolean;
  /** At least one state that the process puts in no category. */
  stateNotInCategory: boolean;
}

export interface ItemFlow {
  /** First entry into InProgress or Resolved. */
  startedAt: number | undefined;
  /** Last entry into Completed, only if the item is still Completed at the instant. */
  completedAt: number | undefined;
  /** Category at the instant (UNKNOWN_CATEGORY, or NO_CATEGORY before the first transition). */
  categoryCode: number;
  /** State name at the instant. */
  state: string | undefined;
  /** Entries into InProgress/Resolved from outside them. */
  startCount: number;
  flags: WorkflowFlags;
  /** States found in no category, in order of first appearance. */
  unknownStates: string[];
}

/** What the core walk finds: indexes into the walked arrays (−1 when absent) plus the flags. */
export interface ResolvedCodes {
  startIndex: number;
  completionIndex: number;
  /** Last transition at or before the instant. */
  lastIndex: number;
  categoryCode: number;
  startCount: number;
  flags: WorkflowFlags;
}

/**
 * The core walk over parallel arrays (times ascending) for indexes [begin, end): only transitions at or
 * before `asOf` count. Works on category codes, so a team's start/end boundaries can recode beforehand.
 */
export function resolveCodes(
  times: ArrayLike<number>,
  codes: ArrayLike<number>,
  asOf: number,
  begin = 0,
  end: number = codes.length,
): ResolvedCodes {
  let previous = NO_CATEGORY;
  let startIndex = -1;
  let completionEntry = -1;
  let startCount = 0;
  let reopened = false;
  let backwardMove = false;
  let stateNotInCategory = false;
  let lastIndex = -1;
  for (let i = begin; i < end; i++) {
    if ((times[i] ?? Number.POSITIVE_INFINITY) > asOf) break;
    const code = codes[i] ?? UNKNOWN_CATEGORY;
    if (code === UNKNOWN_CATEGORY) stateNotInCategory = true;
    if (isStartedCode(code) && !isStartedCode(previous)) {
      startCount++;
      if (startIndex < 0) startIndex = i;
    }
    if (code === COMPLETED && previous !== COMPLETED) completionEntry = i;
    if (previous === COMPLETED && code >= PROPOSED && code < COMPLETED) reopened = true;
    if (isBackwardMove(previous, code)) backwardMove = true;
    previous = code;
    lastIndex = i;
  }
  const completionIndex = previous === COMPLETED ? completionEntry : -1;
  return {
    startIndex,
    completionIndex,
    lastIndex,
    categoryCode: previous,
    startCount,
    flags: {
      skippedStart: completionIndex >= 0 && startIndex < 0,
      reopened,
      backwardMove,
      multipleStarts: startCount > 1,
      stateNotInCategory,
    },
  };
}

/** Resolve one item as of `asOf` (default: its whole history). Transitions must be in time order. */
export function resolveFlow(
  item: FlowItem,
  workflow: WorkflowStateMap,
  asOf: number = Number.POSITIVE_INFINITY,
): ItemFlow {
  const codes = transitionCategories(item, workflow);
  const times = item.transitions.map((transition) => transition.at);
  const { startIndex, completionIndex, lastIndex, categoryCode, startCount, flags } = resolveCodes(
    times,
    codes,
    asOf,
  );
  const unknownStates: string[] = [];
  for (let i = 0; i <= lastIndex; i++) {
    const transition = item.transitions[i];
    if (transition && codes[i] === UNKNOWN_CATEGORY && !unknownStates.includes(transition.toState)) {
      unknownStates.push(transition.toState);
    }
  }
  return {
    startedAt: times[startIndex],
    completedAt: times[completionIndex],
    categoryCode,
    state: item.transitions[lastIndex]?.toState,
    startCount,
    flags,
    unknownStates,
  };
}

/** Deleted items, and items whose latest state is in the Removed category, are in no flow metric. */
export function isExcludedFromFlow(item: FlowItem, workflow: WorkflowStateMap): boolean {
  if (item.item.isDeleted) return true;
  const latest = workflow.get(item.item.workItemType)?.get(item.item.state);
  return latest === 'Removed';
}
