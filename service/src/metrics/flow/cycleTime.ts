/**
 * Cycle time of the items completed in a date range (metric definitions § Flow metrics):
 * day(completion) − day(start) + 1 calendar days, and exact elapsed hours.
 */
import type { FlowItem } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import { dayFromIndex, dayIndex } from '../calendar.ts';
import { DEFAULT_PERCENTILES, percentileLines } from '../percentiles.ts';
import type { PreparedFlow } from './prepare.ts';
import { prepareFlow } from './prepare.ts';
import type { FlowSnapshot } from './snapshot.ts';
import { snapshotAtEndOf } from './snapshot.ts';

export interface CycleTimeInput {
  items: readonly FlowItem[];
  workflow: WorkflowStateMap;
  fromDay: string;
  toDay: string;
  timeZone: string;
  percentiles?: readonly number[];
}

export interface CycleTimeEntry {
  id: number;
  title: string;
  workItemType: string;
  startedAt: number;
  completedAt: number;
  completedOn: string;
  cycleTimeDays: number;
  cycleTimeHours: number;
}

export interface CycleTimeResult {
  items: CycleTimeEntry[];
  percentiles: { percentile: number; days: number | null }[];
  completedWithoutStart: number[];
}

const MS_PER_HOUR = 3_600_000;

/** Indexes of the items whose snapshot completion falls on a day in [firstDay, lastDay], by completion time. */
export function completedInRange(snapshot: FlowSnapshot, firstDay: number, lastDay: number): number[] {
  const found: number[] = [];
  const { completedDay, completedAt } = snapshot;
  for (let item = 0; item < completedDay.length; item++) {
    const day = completedDay[item] ?? firstDay - 1;
    if (day >= firstDay && day <= lastDay) found.push(item);
  }
  return found.sort((a, b) => (completedAt[a] ?? 0) - (completedAt[b] ?? 0) || a - b);
}

/** Cycle-time entries and skipped-start ids of the items completed in [firstDay, lastDay] as of the snapshot. */
export function cycleTimesFromSnapshot(
  flow: PreparedFlow,
  snapshot: FlowSnapshot,
  firstDay: number,
  lastDay: number,
): { entries: CycleTimeEntry[]; completedWithoutStart: number[] } {
  const entries: CycleTimeEntry[] = [];
  const completedWithoutStart: number[] = [];
  for (const item of completedInRange(snapshot, firstDay, lastDay)) {
    const record = flow.records[item];
    const startedAt = snapshot.startedAt[item] ?? Number.NaN;
    const completedAt = snapshot.completedAt[item] ?? Number.NaN;
    const completedDay = snapshot.completedDay[item] ?? 0;
    if (record === undefined) continue;
    if (Number.isNaN(startedAt)) {
      completedWithoutStart.push(record.id);
      continue;
    }
    entries.push({
      id: record.id,
      title: record.title,
      workItemType: record.workItemType,
      startedAt,
      completedAt,
      completedOn: dayFromIndex(completedDay),
      cycleTimeDays: completedDay - (snapshot.startDay[item] ?? completedDay) + 1,
      cycleTimeHours: (completedAt - startedAt) / MS_PER_HOUR,
    });
  }
  return { entries, completedWithoutStart };
}

/** Percentile lines of cycle-time days, named as the API names them. */
export function cycleTimePercentiles(
  entries: readonly CycleTimeEntry[],
  percentiles: readonly number[] = DEFAULT_PERCENTILES,
): { percentile: number; days: number | null }[] {
  return percentileLines(
    entries.map((entry) => entry.cycleTimeDays),
    percentiles,
  ).map(({ percentile, value }) => ({ percentile, days: value }));
}

/**
 * Items whose completion, evaluated as of the end of `toDay`, falls on a day in [fromDay, toDay].
 * Scope is the caller's job (isInTeamScope); removed and deleted items are excluded here.
 */
export function computeCycleTimes(input: CycleTimeInput): CycleTimeResult {
  const flow = prepareFlow(input.items, input.workflow, { timeZone: input.timeZone });
  const snapshot = snapshotAtEndOf(flow, input.toDay);
  const { entries, completedWithoutStart } = cycleTimesFromSnapshot(
    flow,
    snapshot,
    dayIndex(input.fromDay),
    dayIndex(input.toDay),
  );
  return {
    items: entries,
    percentiles: cycleTimePercentiles(entries, input.percentiles),
    completedWithoutStart,
  };
}
