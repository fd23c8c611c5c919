/** Builders for flow-metric tests: items written as a readable state history. */
import type { FlowItem, StateTransitionRecord, TeamScope } from '../../../../service/src/domain/records.ts';
import type { StateCategory, WorkflowStateMap } from '../../../../service/src/domain/workflow.ts';

const AGILE_STATES: Record<string, StateCategory> = {
  New: 'Proposed',
  Active: 'InProgress',
  Blocked: 'InProgress',
  Resolved: 'Resolved',
  Closed: 'Completed',
  Removed: 'Removed',
};

/** Agile-like process (plus a Blocked state): User Story and Bug share states; Task has no Resolved. */
export const workflow: WorkflowStateMap = new Map([
  ['User Story', new Map(Object.entries(AGILE_STATES))],
  ['Bug', new Map(Object.entries(AGILE_STATES))],
  [
    'Task',
    new Map<string, StateCategory>([
      ['New', 'Proposed'],
      ['Active', 'InProgress'],
      ['Closed', 'Completed'],
      ['Removed', 'Removed'],
    ]),
  ],
  // An inherited process with two Completed states, to test moves within a category.
  [
    'Feature',
    new Map<string, StateCategory>([
      ['New', 'Proposed'],
      ['Active', 'InProgress'],
      ['Closed', 'Completed'],
      ['Accepted', 'Completed'],
    ]),
  ],
]);

export const ms = (iso: string): number => {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad timestamp ${iso}`);
  return value;
};

export interface ItemSpec {
  id: number;
  /** [ISO instant, state] in time order; the first is the creation state. */
  history: readonly (readonly [string, string])[];
  type?: string;
  title?: string;
  areaPath?: string;
  tags?: readonly string[];
  isDeleted?: boolean;
  /** Type per transition index, where the type changed. */
  typeAt?: Readonly<Record<number, string>>;
}

export function flowItem(spec: ItemSpec): FlowItem {
  const type = spec.type ?? 'User Story';
  const transitions: StateTransitionRecord[] = spec.history.map(([at, toState], index) => ({
    workItemId: spec.id,
    revision: index + 1,
    at: ms(at),
    fromState: index === 0 ? null : (spec.history[index - 1]?.[1] ?? null),
    toState,
    workItemType: spec.typeAt?.[index] ?? type,
    provenance: { rawPageId: 1 },
  }));
  const first = spec.history[0];
  const last = spec.history[spec.history.length - 1];
  if (!first || !last) throw new Error('an item needs at least one state');
  return {
    item: {
      id: spec.id,
      project: 'Fabrikam',
      workItemType: type,
      title: spec.title ?? `Item ${spec.id}`,
      areaPath: spec.areaPath ?? 'Fabrikam\\Web',
      tags: spec.tags ?? [],
      state: last[1],
      createdAt: ms(first[0]),
      changedAt: ms(last[0]),
      revision: spec.history.length,
      isDeleted: spec.isDeleted ?? false,
      provenance: { rawPageId: 1 },
    },
    transitions,
  };
}

export const webTeam: TeamScope = {
  field: 'System.AreaPath',
  values: [{ value: 'Fabrikam\\Web', includeChildren: true }],
  backlogWorkItemTypes: ['User Story', 'Bug'],
};

/** Shorthand: an item from [instant, state] pairs. */
export function item(
  id: number,
  history: ItemSpec['history'],
  extra: Omit<ItemSpec, 'id' | 'history'> = {},
): FlowItem {
  return flowItem({ id, history, ...extra });
}
