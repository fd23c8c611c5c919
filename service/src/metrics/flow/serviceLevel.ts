/**
 * Service level expectation (metric definitions § Flow metrics): "p% of items finish within N days",
 * N = P(p) of the cycle times of items completed in the lookback window.
 */
import { nearestRank } from '../percentiles.ts';

export interface ServiceLevelExpectation {
  percentile: number;
  /** N; null when no item completed in the lookback window. */
  days: number | null;
  sampleSize: number;
}

export function serviceLevelExpectation(
  cycleTimeDays: readonly number[],
  percentile: number,
): ServiceLevelExpectation {
  const sorted = [...cycleTimeDays].sort((a, b) => a - b);
  return { percentile, days: nearestRank(sorted, percentile) ?? null, sampleSize: sorted.length };
}

/** Share (0..1) of cycle times within `days`; null for no items. The "p% within N days" target's value. */
export function shareWithin(cycleTimeDays: readonly number[], days: number): number | null {
  if (cycleTimeDays.length === 0) return null;
  return cycleTimeDays.filter((value) => value <= days).length / cycleTimeDays.length;
}
