/**
 * Every item of a prepared flow resolved as of one instant (usually the end of a window's last day):
 * first start, completion (last entry into Completed if still Completed then), and stage.
 */
import { endOfDay } from '../calendar.ts';
import type { PreparedFlow } from './prepare.ts';
import { resolveCodes } from './workflow.ts';

/** Day index meaning "no such day" (never started / not completed). */
export const NO_DAY = -2_147_483_648;

export interface FlowSnapshot {
  asOf: number;
  /** First start; NaN when the item had not started by `asOf`. */
  startedAt: Float64Array;
  /** Completion as of `asOf`; NaN when the item was not complete then. */
  completedAt: Float64Array;
  startDay: Int32Array;
  completedDay: Int32Array;
  /** Stage (category code) at `asOf`; NO_CATEGORY (−1) before the item's first transition. */
  stage: Int8Array;
}

export function snapshotAt(flow: PreparedFlow, asOf: number): FlowSnapshot {
  const count = flow.records.length;
  const { offsets, times, days, codes } = flow.stages;
  const snapshot: FlowSnapshot = {
    asOf,
    startedAt: new Float64Array(count).fill(Number.NaN),
    completedAt: new Float64Array(count).fill(Number.NaN),
    startDay: new Int32Array(count).fill(NO_DAY),
    completedDay: new Int32Array(count).fill(NO_DAY),
    stage: new Int8Array(count),
  };
  for (let item = 0; item < count; item++) {
    const resolved = resolveCodes(times, codes, asOf, offsets[item], offsets[item + 1]);
    if (resolved.startIndex >= 0) {
      snapshot.startedAt[item] = times[resolved.startIndex] ?? Number.NaN;
      snapshot.startDay[item] = days[resolved.startIndex] ?? NO_DAY;
    }
    if (resolved.completionIndex >= 0) {
      snapshot.completedAt[item] = times[resolved.completionIndex] ?? Number.NaN;
      snapshot.completedDay[item] = days[resolved.completionIndex] ?? NO_DAY;
    }
    snapshot.stage[item] = resolved.categoryCode;
  }
  return snapshot;
}

/** Snapshot as of the last millisecond of `day` in the flow's time zone. */
export function snapshotAtEndOf(flow: PreparedFlow, day: string): FlowSnapshot {
  return snapshotAt(flow, endOfDay(day, flow.timeZone));
}
