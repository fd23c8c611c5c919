/**
 * Cumulative flow (metric definitions § Flow metrics): for each day, the count of the team's items in
 * each state category, state or board column at the END of that day, bands in workflow order.
 */
import type { StateCategory } from '../../domain/workflow.ts';
import type { WorkflowLayout } from './boundaries.ts';
import { orderedStates } from './boundaries.ts';
import { dayFromIndex } from '../calendar.ts';
import { endOfDayOccupancy, rangeLength } from './dailySeries.ts';
import type { PreparedFlow } from './prepare.ts';
import { CATEGORY_CODE, UNKNOWN_CATEGORY, categoryOfCode } from './workflow.ts';

export interface FlowBand {
  name: string;
  /** Count per day, aligned with CumulativeFlow.days. */
  counts: number[];
}

export interface CumulativeFlow {
  days: string[];
  /** Stacking order: first band at the bottom of workflow order (Proposed first). */
  bands: FlowBand[];
}

/** Band name for states the process puts in no category, and for days before an item has a column. */
export const UNCATEGORISED = '(no category)';

function dayLabels(firstDay: number, lastDay: number): string[] {
  return Array.from({ length: rangeLength(firstDay, lastDay) }, (_, offset) =>
    dayFromIndex(firstDay + offset),
  );
}

/** Bands Proposed, InProgress, Resolved, Completed, Removed, then "(no category)". */
export function cumulativeFlowByCategory(
  flow: PreparedFlow,
  firstDay: number,
  lastDay: number,
): CumulativeFlow {
  const occupancy = endOfDayOccupancy(flow.states, UNKNOWN_CATEGORY + 1, firstDay, lastDay);
  return {
    days: dayLabels(firstDay, lastDay),
    bands: occupancy.map((counts, code) => ({
      name: categoryOfCode(code) ?? UNCATEGORISED,
      counts: Array.from(counts),
    })),
  };
}

/**
 * One band per state name seen in the data, ordered by category, then by the process's order within
 * the category (the first type that has the state decides), then by name.
 */
export function cumulativeFlowByState(
  flow: PreparedFlow,
  firstDay: number,
  lastDay: number,
  layout: WorkflowLayout = {},
): CumulativeFlow {
  const order = orderedStates(flow.workflow, layout);
  const rank = new Map<string, { category: number; position: number }>();
  for (const [type, names] of order) {
    const categories = flow.workflow.get(type);
    names.forEach((name, position) => {
      const category: StateCategory | undefined = categories?.get(name);
      if (!rank.has(name) && category) rank.set(name, { category: CATEGORY_CODE[category], position });
    });
  }
  const occupancy = endOfDayOccupancy(
    { offsets: flow.states.offsets, days: flow.states.days, codes: flow.states.stateIds },
    flow.stateNames.length,
    firstDay,
    lastDay,
  );
  const unranked = { category: UNKNOWN_CATEGORY, position: 0 };
  const bands = flow.stateNames
    .map((name, id) => ({ name, counts: Array.from(occupancy[id] ?? []), rank: rank.get(name) ?? unranked }))
    .sort(
      (a, b) =>
        a.rank.category - b.rank.category ||
        a.rank.position - b.rank.position ||
        a.name.localeCompare(b.name),
    )
    .map(({ name, counts }) => ({ name, counts }));
  return { days: dayLabels(firstDay, lastDay), bands };
}

/**
 * One band per board column in the layout's order (columns met in the data but not in the layout
 * follow, in order of appearance). Items with no column by a day's end are in no band that day.
 */
export function cumulativeFlowByColumn(
  flow: PreparedFlow,
  firstDay: number,
  lastDay: number,
): CumulativeFlow {
  const occupancy = endOfDayOccupancy(flow.columns, flow.columnNames.length, firstDay, lastDay);
  return {
    days: dayLabels(firstDay, lastDay),
    bands: flow.columnNames.map((name, id) => ({ name, counts: Array.from(occupancy[id] ?? []) })),
  };
}
