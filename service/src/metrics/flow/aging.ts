/**
 * Work item age and aging WIP (metric definitions § Flow metrics): the age of an item in progress on
 * day d is d − day(start) + 1; it is set against the cycle-time percentiles of items completed in the
 * lookback window ending on d. "Pace" is the highest percentile its age has passed (age > P(p)).
 */
import { dayFromIndex } from '../calendar.ts';
import type { CycleTimeEntry } from './cycleTime.ts';
import { cycleTimesFromSnapshot } from './cycleTime.ts';
import { nearestRank } from '../percentiles.ts';
import type { PreparedFlow } from './prepare.ts';
import type { FlowSnapshot } from './snapshot.ts';
import { categoryOfCode, isStartedCode } from './workflow.ts';

export interface AgingEntry {
  id: number;
  title: string;
  workItemType: string;
  /** State and category at the end of the basis day. */
  state: string;
  category: string;
  startedAt: number;
  startedOn: string;
  ageDays: number;
  /** Highest percentile whose cycle time the age exceeds; null when below every line (or no lines). */
  pacePassed: number | null;
  /** Lowest percentile whose cycle time the age has not exceeded; null when above every line. */
  within: number | null;
  /**
   * Board column at the end of the basis day, from the column history; null when no move is recorded
   * up to then (or the history was not loaded).
   */
  boardColumn: string | null;
}

export interface AgingResult {
  basisDay: string;
  lookback: { fromDay: string; toDay: string; completedItems: number };
  percentiles: { percentile: number; days: number | null }[];
  items: AgingEntry[];
}

/** Where an age stands against percentile lines (sorted by percentile ascending). */
export function agingZone(
  ageDays: number,
  lines: readonly { percentile: number; days: number | null }[],
): { pacePassed: number | null; within: number | null } {
  let pacePassed: number | null = null;
  let within: number | null = null;
  for (const { percentile, days } of lines) {
    if (days === null) continue;
    if (ageDays > days) pacePassed = percentile;
    else if (within === null) within = percentile;
  }
  return { pacePassed, within };
}

/**
 * Aging of every item in progress at the end of `basisDay` (the snapshot must be taken then), with
 * percentile lines from the cycle times of items completed in the `lookbackDays` days ending on it.
 */
export function workItemAging(
  flow: PreparedFlow,
  snapshot: FlowSnapshot,
  basisDay: number,
  lookbackDays: number,
  percentiles: readonly number[],
): AgingResult {
  const lookbackStart = basisDay - lookbackDays + 1;
  const { entries } = cycleTimesFromSnapshot(flow, snapshot, lookbackStart, basisDay);
  const lines = percentileLinesOf(entries, percentiles);
  const items: AgingEntry[] = [];
  for (let item = 0; item < flow.records.length; item++) {
    const record = flow.records[item];
    const stage = snapshot.stage[item] ?? -1;
    const startDay = snapshot.startDay[item] ?? 0;
    if (record === undefined || !isStartedCode(stage)) continue;
    const ageDays = basisDay - startDay + 1;
    const lastState = lastStateIndex(flow, item, snapshot.asOf);
    items.push({
      id: record.id,
      title: record.title,
      workItemType: record.workItemType,
      state: flow.stateNames[flow.states.stateIds[lastState] ?? -1] ?? '',
      category: categoryOfCode(flow.states.codes[lastState] ?? -1) ?? '',
      startedAt: snapshot.startedAt[item] ?? Number.NaN,
      startedOn: dayFromIndex(startDay),
      ageDays,
      ...agingZone(ageDays, lines),
      boardColumn: columnAt(flow, item, snapshot.asOf),
    });
  }
  items.sort((a, b) => b.ageDays - a.ageDays || a.id - b.id);
  return {
    basisDay: dayFromIndex(basisDay),
    lookback: {
      fromDay: dayFromIndex(lookbackStart),
      toDay: dayFromIndex(basisDay),
      completedItems: entries.length,
    },
    percentiles: lines,
    items,
  };
}

/** Index of the item's last state transition at or before `asOf` (−1 if none). */
function lastStateIndex(flow: PreparedFlow, item: number, asOf: number): number {
  const { offsets, times } = flow.states;
  let found = -1;
  for (let i = offsets[item] ?? 0; i < (offsets[item + 1] ?? 0) && (times[i] ?? 0) <= asOf; i++) found = i;
  return found;
}

/** The item's board column after its last recorded move at or before `asOf`; null when none. */
export function columnAt(flow: PreparedFlow, item: number, asOf: number): string | null {
  const { offsets, times, codes } = flow.columns;
  let found = -1;
  for (let i = offsets[item] ?? 0; i < (offsets[item + 1] ?? 0) && (times[i] ?? 0) <= asOf; i++) found = i;
  return found < 0 ? null : (flow.columnNames[codes[found] ?? -1] ?? null);
}

function percentileLinesOf(
  entries: readonly CycleTimeEntry[],
  percentiles: readonly number[],
): { percentile: number; days: number | null }[] {
  const sorted = entries.map((entry) => entry.cycleTimeDays).sort((a, b) => a - b);
  return [...percentiles]
    .sort((a, b) => a - b)
    .map((percentile) => ({ percentile, days: nearestRank(sorted, percentile) ?? null }));
}
