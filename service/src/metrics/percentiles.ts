/** Nearest-rank percentiles (metric definitions, Calendar): P(p) = x[ceil(p/100 · n)], 1-based. */

export const DEFAULT_PERCENTILES: readonly number[] = [50, 70, 85, 95];

/** Absorbs binary rounding in p·n/100 so that, e.g., 85% of 20 is rank 17, not 18. */
const RANK_EPSILON = 1e-9;

/** 1-based nearest rank of percentile `p` in a sample of `n` (0 < p ≤ 100; p = 0 → 1). */
export function nearestRankIndex(n: number, p: number): number {
  const rank = Math.ceil((p * n) / 100 - RANK_EPSILON);
  return Math.min(n, Math.max(1, rank));
}

/** P(p) of an ascending sample; undefined for an empty sample. */
export function nearestRank(sortedAscending: readonly number[], p: number): number | undefined {
  if (sortedAscending.length === 0) return undefined;
  return sortedAscending[nearestRankIndex(sortedAscending.length, p) - 1];
}

export interface PercentileLine {
  percentile: number;
  /** null when the sample is empty. */
  value: number | null;
}

/** The percentile lines of an unsorted sample (the sample is not modified). */
export function percentileLines(
  values: readonly number[],
  ps: readonly number[] = DEFAULT_PERCENTILES,
): PercentileLine[] {
  const sorted = Float64Array.from(values).sort();
  const asArray = Array.from(sorted);
  return ps.map((percentile) => ({ percentile, value: nearestRank(asArray, percentile) ?? null }));
}
