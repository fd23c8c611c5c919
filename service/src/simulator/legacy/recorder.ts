import type { WorkItemStore } from '../store/workItems.ts';
import type { IterationModel } from '../model/organization.ts';
import { tagMask } from '../model/tags.ts';
import { categoryOf } from '../model/workflow.ts';
import { AGILE } from '../processes/agile.ts';
import { carriedIterationFor } from '../model/sprintPlanning.ts';
import { LEGACY_REASONS, legacyBoardColumn } from './types.ts';
import type { LegacyType, StateName } from './types.ts';

export interface NewItem {
  readonly id: number;
  readonly workItemType: LegacyType;
  readonly title: string;
  readonly areaPath: string;
  readonly iterationPath: string;
  readonly tags: readonly string[];
  readonly isDeleted: boolean;
  /** Parent work item (a task's story), 0 when none. */
  readonly parent: number;
  /** Microsoft.VSTS.Common.Priority; 2 (the process default) when omitted. */
  readonly priority?: number;
}

export interface Change {
  readonly at: Date;
  /** Identity index. */
  readonly by: number;
  readonly state?: StateName;
  readonly reactivated?: boolean;
  readonly title?: string;
  readonly tags?: readonly string[];
  /** System.IterationPath to move to (sprint planning); unchanged when omitted. */
  readonly iteration?: string;
}

/** Records rev 1 of a new work item (state New) at the end of the change stream of project 0. */
export function recordCreation(store: WorkItemStore, item: NewItem, at: Date, by: number): number {
  if (store.has(item.id)) throw new Error(`work item ${item.id} already exists`);
  const { strings } = store;
  return store.append({
    id: item.id,
    changed: at.getTime(),
    changedBy: by,
    assignedTo: 0,
    project: 0,
    type: strings.intern(item.workItemType),
    state: strings.intern('New'),
    reason: strings.intern(LEGACY_REASONS[item.workItemType].New),
    area: strings.intern(item.areaPath),
    iteration: strings.intern(item.iterationPath),
    title: strings.intern(item.title),
    tags: tagMask(item.tags),
    column: strings.intern(legacyBoardColumn(item.workItemType, 'New', '')),
    columnDone: undefined,
    priority: item.priority ?? 2,
    parent: item.parent,
    deleted: false,
  });
}

/** Records the next revision of an existing item (the previous one gets its RevisedDate from it). */
export function recordChange(store: WorkItemStore, id: number, change: Change): number {
  if (!store.has(id)) throw new Error(`work item ${id} does not exist`);
  const { strings } = store;
  const previous = store.latestIndex(id);
  const type = strings.get(store.types.get(previous)) as LegacyType;
  const previousState = strings.get(store.states.get(previous)) as StateName;
  const state = change.state ?? previousState;
  const stateChanged = state !== previousState;
  const reasons = LEGACY_REASONS[type];
  const reason = stateChanged
    ? strings.intern(change.reactivated === true ? reasons.Reactivated : reasons[state])
    : store.reasons.get(previous);
  // Whoever starts the work takes it; the assignment then stays.
  const assigned = store.assignedTo.get(previous);
  const assignedTo = assigned === 0 && stateChanged && state === 'Active' ? change.by + 1 : assigned;
  return store.append({
    id,
    changed: change.at.getTime(),
    changedBy: change.by,
    assignedTo,
    project: store.projects.get(previous),
    type: store.types.get(previous),
    state: strings.intern(state),
    reason,
    area: store.areas.get(previous),
    iteration:
      change.iteration === undefined ? store.iterations.get(previous) : strings.intern(change.iteration),
    title: change.title === undefined ? store.titles.get(previous) : strings.intern(change.title),
    tags: change.tags === undefined ? store.tags.get(previous) : tagMask(change.tags),
    column: strings.intern(legacyBoardColumn(type, state, strings.get(store.columns.get(previous)))),
    columnDone: undefined,
    priority: store.priorities.get(previous),
    parent: store.parents.get(previous),
    deleted: false,
  });
}

/**
 * The sprint a change at `at` carries the item over to (sprintPlanning.ts): its state before the change is
 * its state when its sprint ended, as nothing changed it since. Undefined when it stays where it is.
 */
export function carryOver(
  store: WorkItemStore,
  id: number,
  at: Date,
  iterations: readonly IterationModel[],
): string | undefined {
  const latest = store.latestIndex(id);
  const category = categoryOf(
    AGILE,
    store.strings.get(store.types.get(latest)),
    store.strings.get(store.states.get(latest)),
  );
  const unfinished = category !== 'Completed' && category !== 'Removed';
  return carriedIterationFor(iterations, store.strings.get(store.iterations.get(latest)), at, unfinished);
}

/** Moves an item to the recycle bin: a last revision flagged deleted, hidden from reporting by default. */
export function recordDeletion(store: WorkItemStore, id: number, at: Date, by: number): number {
  const previous = store.latestIndex(id);
  return store.append({
    id,
    changed: at.getTime(),
    changedBy: by,
    assignedTo: store.assignedTo.get(previous),
    project: store.projects.get(previous),
    type: store.types.get(previous),
    state: store.states.get(previous),
    reason: store.reasons.get(previous),
    area: store.areas.get(previous),
    iteration: store.iterations.get(previous),
    title: store.titles.get(previous),
    tags: store.tags.get(previous),
    column: store.columns.get(previous),
    columnDone: undefined,
    priority: store.priorities.get(previous),
    parent: store.parents.get(previous),
    deleted: true,
  });
}
