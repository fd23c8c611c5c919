/** Cycle-time histogram: how many items took each whole number of days, 1 through the longest. */

export interface HistogramBin {
  days: number;
  count: number;
}

/** Contiguous bins from 1 (the minimum cycle time) to the maximum, zero bins included; [] for no items. */
export function cycleTimeHistogram(cycleTimeDays: readonly number[]): HistogramBin[] {
  if (cycleTimeDays.length === 0) return [];
  const longest = cycleTimeDays.reduce((max, days) => Math.max(max, days), 1);
  const counts = new Int32Array(longest + 1);
  for (const days of cycleTimeDays) counts[days] = (counts[days] ?? 0) + 1;
  return Array.from({ length: longest }, (_, index) => ({ days: index + 1, count: counts[index + 1] ?? 0 }));
}
