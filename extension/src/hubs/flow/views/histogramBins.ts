export interface HistogramBin {
  days: number;
  count: number;
}

/** Contiguous bins from 1 to the longest value (what the service answers for cycle time). */
export function binItems(items: readonly { days: number }[]): HistogramBin[] {
  let longest = 0;
  for (const item of items) if (item.days > longest) longest = item.days;
  const counts = new Array<number>(longest).fill(0);
  for (const item of items) counts[item.days - 1] = (counts[item.days - 1] ?? 0) + 1;
  return counts.map((count, index) => ({ days: index + 1, count }));
}
