/**
 * WIP and arrivals (metric definitions § Flow metrics). WIP on day d: items whose stage at the end of d
 * is InProgress or Resolved (past the team's start point, before its end point). Arrival rate on day d:
 * items whose first start falls on d.
 *
 * How WIP relates to starts and completions (pinned by property tests):
 *   WIP(d) = items started on or before d − those of them whose category at the end of d is Completed,
 *            Removed, Proposed (moved back) or in no category.
 * For histories that only move forward this is Σ arrivals(≤ d) − Σ completions of started items(≤ d);
 * items ending Removed are excluded from every metric, so they subtract nothing.
 */
import type { DayCount } from './dailySeries.ts';
import { countByDay, endOfDayOccupancy, toDayCounts } from './dailySeries.ts';
import type { PreparedFlow } from './prepare.ts';
import type { FlowSnapshot } from './snapshot.ts';
import { CATEGORY_CODE, UNKNOWN_CATEGORY } from './workflow.ts';

export function dailyWip(flow: PreparedFlow, firstDay: number, lastDay: number): Int32Array {
  const occupancy = endOfDayOccupancy(flow.stages, UNKNOWN_CATEGORY + 1, firstDay, lastDay);
  const inProgress = occupancy[CATEGORY_CODE.InProgress] ?? new Int32Array(0);
  const resolved = occupancy[CATEGORY_CODE.Resolved] ?? new Int32Array(0);
  return inProgress.map((count, offset) => count + (resolved[offset] ?? 0));
}

export function wipPerDay(flow: PreparedFlow, firstDay: number, lastDay: number): DayCount[] {
  return toDayCounts(dailyWip(flow, firstDay, lastDay), firstDay);
}

/** Mean of a daily series (null when empty): the "daily average WIP" of sprint targets. */
export function dailyAverage(counts: ArrayLike<number>): number | null {
  if (counts.length === 0) return null;
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] ?? 0;
  return total / counts.length;
}

/** First starts per day in [firstDay, lastDay]. */
export function dailyArrivals(snapshot: FlowSnapshot, firstDay: number, lastDay: number): Int32Array {
  return countByDay(snapshot.startDay, firstDay, lastDay);
}

export function arrivalsPerDay(snapshot: FlowSnapshot, firstDay: number, lastDay: number): DayCount[] {
  return toDayCounts(dailyArrivals(snapshot, firstDay, lastDay), firstDay);
}
