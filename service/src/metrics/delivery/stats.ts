import { nearestRankIndex } from '../percentiles.ts';

/** Swaps so that values[k] holds the k-th smallest of values[lo..hi] and the rest are partitioned around it. */
function select(values: Float64Array, k: number, low: number, high: number): void {
  let lo = low;
  let hi = high;
  while (hi > lo) {
    const pivot = values[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i++] = values[j] ?? 0;
        values[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Nearest-rank percentiles (metric definitions, Calendar) of a sample the caller owns. Reorders
 * the sample (quickselect: linear time, no full sort); ascending `ps` narrow each next search.
 * Every value is null when the sample is empty.
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): (number | null)[] {
  if (values.length === 0) return ps.map(() => null);
  let from = 0;
  return ps.map((p) => {
    const k = nearestRankIndex(values.length, p) - 1;
    // An earlier selection left every element from `from` on at least as large: search only there.
    select(values, k, k >= from ? from : 0, values.length - 1);
    from = k;
    return values[k] ?? null;
  });
}

/** Nearest-rank median (P50: the lower middle of an even sample) of a sample the caller owns. */
export function medianInPlace(values: Float64Array): number | null {
  return percentilesInPlace(values, [50])[0] ?? null;
}

/** Nearest-rank median of any sample, left untouched. */
export function medianOf(values: ArrayLike<number>): number | null {
  return medianInPlace(Float64Array.from(values));
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
