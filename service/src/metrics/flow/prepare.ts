/**
 * One pass over a team's FlowItems that turns them into flat typed arrays (columnar, all items end to
 * end), so every metric afterwards is integer arithmetic: no Intl formatting, no Map lookups per day.
 * Deleted items and items whose latest state is Removed are dropped here (metric definitions § Scope).
 */
import type { FlowItem, WorkItemRecord } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { BoardColumnChange, FlowBoundary, WorkflowLayout } from './boundaries.ts';
import { CATEGORY_BOUNDARY, createStageResolver } from './boundaries.ts';
import { dayIndexOf } from '../calendar.ts';
import { CATEGORY_CODE, UNKNOWN_CATEGORY, isExcludedFromFlow } from './workflow.ts';

export interface PrepareOptions {
  timeZone: string;
  startPoint?: FlowBoundary;
  endPoint?: FlowBoundary;
  layout?: WorkflowLayout;
  /** Board column history per work item id, in time order. */
  boardColumns?: ReadonlyMap<number, readonly BoardColumnChange[]>;
}

/** A timeline of all items end to end: item i owns indexes offsets[i] .. offsets[i + 1] − 1. */
export interface Timeline<Codes extends Uint8Array | Int32Array = Uint8Array> {
  offsets: Int32Array;
  times: Float64Array;
  /** Calendar day (epoch-day index in the team's zone) of each entry. */
  days: Int32Array;
  codes: Codes;
}

export interface PreparedFlow {
  timeZone: string;
  workflow: WorkflowStateMap;
  records: readonly WorkItemRecord[];
  createdAt: Float64Array;
  createdDays: Int32Array;
  /** State transitions with their real category codes. */
  states: Timeline & { stateIds: Int32Array };
  stateNames: readonly string[];
  /** Moments that matter for start and completion, coded as categories (the team's boundaries applied). */
  stages: Timeline;
  /** Board column changes, coded by column id (index into columnNames). */
  columns: Timeline<Int32Array>;
  columnNames: readonly string[];
}

function emptyTimeline(itemCount: number, entries: number): Timeline {
  return {
    offsets: new Int32Array(itemCount + 1),
    times: new Float64Array(entries),
    days: new Int32Array(entries),
    codes: new Uint8Array(entries),
  };
}

function internedId(names: string[], ids: Map<string, number>, name: string): number {
  let id = ids.get(name);
  if (id === undefined) {
    id = names.length;
    names.push(name);
    ids.set(name, id);
  }
  return id;
}

export function prepareFlow(
  items: readonly FlowItem[],
  workflow: WorkflowStateMap,
  options: PrepareOptions,
): PreparedFlow {
  const { timeZone } = options;
  const kept = items.filter((item) => !isExcludedFromFlow(item, workflow)).map(inTimeOrder);
  const transitionCount = kept.reduce((sum, item) => sum + item.transitions.length, 0);
  const states = {
    ...emptyTimeline(kept.length, transitionCount),
    stateIds: new Int32Array(transitionCount),
  };
  const stateNames: string[] = [];
  const stateIdByName = new Map<string, number>();
  const createdAt = new Float64Array(kept.length);
  const createdDays = new Int32Array(kept.length);

  // (type, state) → stateId · 8 + category code, so each transition costs two small Map lookups.
  const packedByType = new Map<string, Map<string, number>>();
  const pack = (type: string, state: string): number => {
    const category = workflow.get(type)?.get(state);
    const code = category === undefined ? UNKNOWN_CATEGORY : CATEGORY_CODE[category];
    return internedId(stateNames, stateIdByName, state) * 8 + code;
  };

  let cursor = 0;
  kept.forEach((flowItem, index) => {
    createdAt[index] = flowItem.item.createdAt;
    createdDays[index] = dayIndexOf(flowItem.item.createdAt, timeZone);
    states.offsets[index] = cursor;
    let lastType: string | undefined;
    let packedStates = new Map<string, number>();
    for (const transition of flowItem.transitions) {
      if (transition.workItemType !== lastType) {
        lastType = transition.workItemType;
        packedStates = packedByType.get(lastType) ?? new Map<string, number>();
        packedByType.set(lastType, packedStates);
      }
      let packed = packedStates.get(transition.toState);
      if (packed === undefined) {
        packed = pack(lastType, transition.toState);
        packedStates.set(transition.toState, packed);
      }
      states.times[cursor] = transition.at;
      states.days[cursor] = dayIndexOf(transition.at, timeZone);
      states.codes[cursor] = packed & 7;
      states.stateIds[cursor] = packed >>> 3;
      cursor++;
    }
  });
  states.offsets[kept.length] = cursor;

  const rankedColumns = options.layout?.boardColumns?.length ?? 0;
  const columnOrder = [...(options.layout?.boardColumns ?? [])];
  const columns = prepareColumns(kept, options, columnOrder);
  const resolver = createStageResolver(
    workflow,
    options.startPoint ?? CATEGORY_BOUNDARY,
    options.endPoint ?? CATEGORY_BOUNDARY,
    options.layout,
  );
  const stages = resolver.byCategory
    ? states
    : mergeStages(kept, states, stateNames, columns, rankedColumns, resolver.stageOf);

  return {
    timeZone,
    workflow,
    records: kept.map((item) => item.item),
    createdAt,
    createdDays,
    states,
    stateNames,
    stages,
    columns,
    columnNames: columnOrder,
  };
}

/** Column timeline; names the layout does not list are appended in order of appearance. */
function prepareColumns(
  kept: readonly FlowItem[],
  options: PrepareOptions,
  columnOrder: string[],
): Timeline<Int32Array> {
  const history = options.boardColumns;
  const count = history ? kept.reduce((sum, item) => sum + (history.get(item.item.id)?.length ?? 0), 0) : 0;
  const timeline = {
    ...emptyTimeline(kept.length, 0),
    times: new Float64Array(count),
    days: new Int32Array(count),
    codes: new Int32Array(count),
  };
  const ids = new Map(columnOrder.map((name, index) => [name, index]));
  let cursor = 0;
  kept.forEach((flowItem, index) => {
    timeline.offsets[index] = cursor;
    for (const change of history?.get(flowItem.item.id) ?? []) {
      timeline.times[cursor] = change.at;
      timeline.days[cursor] = dayIndexOf(change.at, options.timeZone);
      timeline.codes[cursor] = internedId(columnOrder, ids, change.column);
      cursor++;
    }
  });
  timeline.offsets[kept.length] = cursor;
  return timeline;
}

/**
 * Merges each item's state and column changes into one stage timeline. Between events the item keeps
 * its last state and column; columns outside the layout's order rank before every listed column.
 */
function mergeStages(
  kept: readonly FlowItem[],
  states: PreparedFlow['states'],
  stateNames: readonly string[],
  columns: Timeline<Int32Array>,
  rankedColumns: number,
  stageOf: (type: string, state: string, category: number, columnRank: number) => number,
): Timeline {
  const total = states.times.length + columns.times.length;
  const stages = emptyTimeline(kept.length, total);
  let out = 0;
  kept.forEach((flowItem, index) => {
    stages.offsets[index] = out;
    let s = states.offsets[index] ?? 0;
    const sEnd = states.offsets[index + 1] ?? s;
    let c = columns.offsets[index] ?? 0;
    const cEnd = columns.offsets[index + 1] ?? c;
    let category = -1;
    let state = '';
    let type = flowItem.item.workItemType;
    let columnRank = -1;
    while (s < sEnd || c < cEnd) {
      const stateAt = s < sEnd ? (states.times[s] ?? 0) : Number.POSITIVE_INFINITY;
      const columnAt = c < cEnd ? (columns.times[c] ?? 0) : Number.POSITIVE_INFINITY;
      let at: number;
      let day: number;
      if (stateAt <= columnAt) {
        const transition = flowItem.transitions[s - (states.offsets[index] ?? 0)];
        category = states.codes[s] ?? UNKNOWN_CATEGORY;
        state = stateNames[states.stateIds[s] ?? 0] ?? '';
        type = transition?.workItemType ?? type;
        at = stateAt;
        day = states.days[s] ?? 0;
        s++;
      } else {
        const id = columns.codes[c] ?? 0;
        columnRank = id < rankedColumns ? id : -1;
        at = columnAt;
        day = columns.days[c] ?? 0;
        c++;
      }
      if (category < 0) continue; // a column before the item's first state: nothing to resolve yet
      stages.times[out] = at;
      stages.days[out] = day;
      stages.codes[out] = stageOf(type, state, category, columnRank);
      out++;
    }
  });
  stages.offsets[kept.length] = out;
  return {
    offsets: stages.offsets,
    times: stages.times.subarray(0, out),
    days: stages.days.subarray(0, out),
    codes: stages.codes.subarray(0, out),
  };
}

/** The item itself when its transitions are in time order (the normal case), else a sorted copy. */
function inTimeOrder(item: FlowItem): FlowItem {
  const { transitions } = item;
  for (let i = 1; i < transitions.length; i++) {
    if ((transitions[i]?.at ?? 0) < (transitions[i - 1]?.at ?? 0)) {
      return {
        item: item.item,
        transitions: [...transitions].sort((a, b) => a.at - b.at || a.revision - b.revision),
      };
    }
  }
  return item;
}

/** Number of items in a prepared flow. */
export function itemCount(flow: PreparedFlow): number {
  return flow.records.length;
}
