import type { CumulativeFlowChart } from '../../../../../service/src/contract/index.ts';

export interface StackedBand {
  name: string;
  counts: number[];
  /** Top edge of the band: its count plus every band after it in workflow order (done at the bottom). */
  tops: number[];
}

/**
 * Stacks bands so the last in workflow order (Completed) lies at the bottom and the first (Proposed) on
 * top, as cumulative flow diagrams are read. Bands that are empty on every day are left out.
 */
export function stackBands(chart: CumulativeFlowChart): StackedBand[] {
  const bands = chart.bands.filter((band) => band.counts.some((count) => count > 0));
  const running = new Array<number>(chart.days.length).fill(0);
  const stacked: StackedBand[] = [];
  for (let index = bands.length - 1; index >= 0; index--) {
    const band = bands[index];
    if (!band) continue;
    band.counts.forEach((count, day) => {
      running[day] = (running[day] ?? 0) + count;
    });
    stacked.unshift({ name: band.name, counts: band.counts, tops: [...running] });
  }
  return stacked;
}
