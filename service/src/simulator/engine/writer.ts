import type { OrganizationModel, ProjectModel } from '../model/organization.ts';
import { boardFor, categoryOf } from '../model/workflow.ts';
import { typeOf } from '../processes/types.ts';
import { tagMask } from '../model/tags.ts';
import { teamOwningArea } from '../routes/scope.ts';
import type { EventBus } from './events.ts';

export interface NewWorkItem {
  readonly id: number;
  readonly projectIndex: number;
  readonly type: string;
  readonly title: string;
  readonly area: string;
  readonly iteration: string;
  readonly tags: readonly string[];
  readonly priority: number;
  readonly parent: number;
}

/** A change to an item; unset fields keep their value. */
export interface WorkItemChange {
  readonly state?: string;
  /** Board column to move to (within the item's board); derived from the state when omitted. */
  readonly column?: string;
  readonly columnDone?: boolean;
  readonly area?: string;
  readonly projectIndex?: number;
  readonly iteration?: string;
  readonly title?: string;
  readonly tagMask?: number;
  readonly type?: string;
  readonly priority?: number;
  readonly deleted?: boolean;
}

function columnFor(
  project: ProjectModel,
  area: string,
  type: string,
  state: string,
  previous: string,
): { column: string; split: boolean } {
  const team = teamOwningArea(project, area) ?? project.defaultTeam;
  const board = boardFor(project, team, type);
  if (!board) return { column: '', split: false };
  const matching = board.columns.filter((candidate) => candidate.stateMappings[type] === state);
  const kept = matching.find((candidate) => candidate.name === previous);
  const chosen = kept ?? matching[0];
  // A state without a column (Removed) leaves the card where it was.
  if (!chosen)
    return { column: previous, split: board.columns.find((c) => c.name === previous)?.isSplit ?? false };
  return { column: chosen.name, split: chosen.isSplit };
}

function isSplitColumn(project: ProjectModel, area: string, type: string, column: string): boolean {
  const team = teamOwningArea(project, area) ?? project.defaultTeam;
  return (
    boardFor(project, team, type)?.columns.find((candidate) => candidate.name === column)?.isSplit ?? false
  );
}

/**
 * Writes work item revisions for the living organization (and the large history) with the process's
 * reasons, the team board's columns and the assignment rule of the first simulator.
 */
export class WorkItemWriter {
  constructor(
    private readonly model: OrganizationModel,
    private readonly events: EventBus,
  ) {}

  create(at: number, by: number, item: NewWorkItem): number {
    const store = this.model.workItems;
    const { strings } = store;
    const project = this.model.projects[item.projectIndex] ?? this.model.project;
    const type = typeOf(project.process, item.type);
    const initial = type?.states[0]?.name ?? 'New';
    const { column, split } = columnFor(project, item.area, item.type, initial, '');
    const index = store.append({
      id: item.id,
      changed: Math.max(at, store.lastChanged),
      changedBy: by,
      assignedTo: 0,
      project: item.projectIndex,
      type: strings.intern(item.type),
      state: strings.intern(initial),
      reason: strings.intern(type?.reasons[initial] ?? 'New'),
      area: strings.intern(item.area),
      iteration: strings.intern(item.iteration),
      title: strings.intern(item.title),
      tags: tagMask(item.tags),
      column: strings.intern(column),
      columnDone: split ? false : undefined,
      priority: item.priority,
      parent: item.parent,
      deleted: false,
    });
    this.events.emit({ kind: 'workitem.created', revision: index }, at);
    return index;
  }

  change(at: number, id: number, by: number, change: WorkItemChange): number {
    const store = this.model.workItems;
    const { strings } = store;
    const previous = store.latestIndex(id);
    const projectIndex = change.projectIndex ?? store.projects.get(previous);
    const project = this.model.projects[projectIndex] ?? this.model.project;
    const typeName = change.type ?? strings.get(store.types.get(previous));
    const type = typeOf(project.process, typeName);
    const previousState = strings.get(store.states.get(previous));
    const state = change.state ?? previousState;
    const area = change.area ?? strings.get(store.areas.get(previous));
    let reason = store.reasons.get(previous);
    if (state !== previousState && type) {
      const order = (name: string): number => type.states.findIndex((candidate) => candidate.name === name);
      const backward =
        order(state) < order(previousState) && categoryOf(project.process, typeName, state) !== 'Removed';
      reason = strings.intern(backward ? type.backwardReason : (type.reasons[state] ?? state));
    }
    const previousColumn = strings.get(store.columns.get(previous));
    const derived =
      change.column !== undefined
        ? { column: change.column, split: isSplitColumn(project, area, typeName, change.column) }
        : state !== previousState || change.area !== undefined || change.type !== undefined
          ? columnFor(project, area, typeName, state, previousColumn)
          : { column: previousColumn, split: store.isSplit(previous) };
    const done = derived.split
      ? (change.columnDone ?? (derived.column === previousColumn && store.isColumnDone(previous)))
      : undefined;
    const assigned = store.assignedTo.get(previous);
    const starts = state !== previousState && categoryOf(project.process, typeName, state) === 'InProgress';
    const index = store.append({
      id,
      changed: Math.max(at, store.lastChanged),
      changedBy: by,
      assignedTo: assigned === 0 && starts ? by + 1 : assigned,
      project: projectIndex,
      type: strings.intern(typeName),
      state: strings.intern(state),
      reason,
      area: strings.intern(area),
      iteration:
        change.iteration === undefined ? store.iterations.get(previous) : strings.intern(change.iteration),
      title: change.title === undefined ? store.titles.get(previous) : strings.intern(change.title),
      tags: change.tagMask ?? store.tags.get(previous),
      column: strings.intern(derived.column),
      columnDone: done,
      priority: change.priority ?? store.priorities.get(previous),
      parent: store.parents.get(previous),
      deleted: change.deleted === true,
    });
    this.events.emit(
      { kind: change.deleted === true ? 'workitem.deleted' : 'workitem.updated', revision: index },
      at,
    );
    return index;
  }
}
