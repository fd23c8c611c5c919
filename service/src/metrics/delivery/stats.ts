import { nearestRankIndex } from '../percentiles.ts';

/** Ascending typed copy of a sample (a typed array sorts numerically without a comparator). */
export function sortedSample(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Nearest-rank P(p) of an ascending sample (metric definitions, Calendar); null when it is empty. */
export function rankedValue(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRankIndex(sorted.length, p) - 1] ?? null;
}

/** The median is P50 by nearest rank: the lower middle of an even sample. */
export function medianOf(values: ArrayLike<number>): number | null {
  return rankedValue(sortedSample(values), 50);
}

/** Index of the first element of an ascending array that is ≥ value (array length if none). */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [start, end) of the elements of an ascending array of integers (day indices) within [from, to]. */
export function sliceBounds(sorted: ArrayLike<number>, from: number, to: number): [number, number] {
  return [lowerBound(sorted, from), lowerBound(sorted, to + 1)];
}
