/** Lead time (metric definitions § Flow metrics): day(completion) − day(created) + 1, and exact hours. */
import { dayFromIndex } from '../calendar.ts';
import { completedInRange } from './cycleTime.ts';
import { DEFAULT_PERCENTILES, percentileLines } from '../percentiles.ts';
import type { PreparedFlow } from './prepare.ts';
import type { FlowSnapshot } from './snapshot.ts';

export interface LeadTimeEntry {
  id: number;
  title: string;
  workItemType: string;
  createdAt: number;
  completedAt: number;
  completedOn: string;
  leadTimeDays: number;
  leadTimeHours: number;
}

export interface LeadTimeResult {
  items: LeadTimeEntry[];
  percentiles: { percentile: number; days: number | null }[];
}

const MS_PER_HOUR = 3_600_000;

/** Items completed in [firstDay, lastDay] as of the snapshot, started or not, in completion order. */
export function computeLeadTimes(
  flow: PreparedFlow,
  snapshot: FlowSnapshot,
  firstDay: number,
  lastDay: number,
  percentiles: readonly number[] = DEFAULT_PERCENTILES,
): LeadTimeResult {
  const items: LeadTimeEntry[] = [];
  for (const item of completedInRange(snapshot, firstDay, lastDay)) {
    const record = flow.records[item];
    if (record === undefined) continue;
    const completedAt = snapshot.completedAt[item] ?? Number.NaN;
    const completedDay = snapshot.completedDay[item] ?? 0;
    items.push({
      id: record.id,
      title: record.title,
      workItemType: record.workItemType,
      createdAt: record.createdAt,
      completedAt,
      completedOn: dayFromIndex(completedDay),
      leadTimeDays: completedDay - (flow.createdDays[item] ?? completedDay) + 1,
      leadTimeHours: (completedAt - record.createdAt) / MS_PER_HOUR,
    });
  }
  const lines = percentileLines(
    items.map((entry) => entry.leadTimeDays),
    percentiles,
  );
  return { items, percentiles: lines.map(({ percentile, value }) => ({ percentile, days: value })) };
}
