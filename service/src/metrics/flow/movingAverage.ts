/**
 * The Azure DevOps cycle/lead time widget's daily moving average and standard-deviation band
 * (azure-devops-rest-api.md § 8): the window for day d is d and the previous N days, N = 20% of the
 * days shown rounded down to the nearest odd number (30 days → 5, so April 10 uses April 5–10). Days
 * whose window holds no data point get no average and no band. The standard deviation is the
 * population one (divide by the number of points), our choice: the documentation does not say.
 */
import { dayFromIndex } from '../calendar.ts';
import { rangeLength } from './dailySeries.ts';

export interface DataPoint {
  /** Epoch-day index of the point. */
  day: number;
  value: number;
}

export interface BandDay {
  day: string;
  points: number;
  average: number | null;
  standardDeviation: number | null;
}

/** N for a chart showing `daysShown` days; charts under 5 days (N < 1) use the day alone (N = 0). */
export function movingAverageWindow(daysShown: number): number {
  const n = Math.floor(daysShown * 0.2);
  const odd = n % 2 === 1 ? n : n - 1;
  return Math.max(0, odd);
}

/** Moving average and band for each day of [firstDay, lastDay] from points on any days. */
export function movingAverageBand(
  points: readonly DataPoint[],
  firstDay: number,
  lastDay: number,
): BandDay[] {
  const span = rangeLength(firstDay, lastDay);
  const previous = movingAverageWindow(span);
  const windowStart = firstDay - previous;
  const width = lastDay - windowStart + 1;
  const count = new Float64Array(Math.max(0, width));
  const sum = new Float64Array(Math.max(0, width));
  const squares = new Float64Array(Math.max(0, width));
  for (const { day, value } of points) {
    if (day < windowStart || day > lastDay) continue;
    const at = day - windowStart;
    count[at] = (count[at] ?? 0) + 1;
    sum[at] = (sum[at] ?? 0) + value;
    squares[at] = (squares[at] ?? 0) + value * value;
  }
  const result: BandDay[] = [];
  for (let at = previous; at < width; at++) {
    let n = 0;
    let total = 0;
    let totalSquares = 0;
    for (let inWindow = at - previous; inWindow <= at; inWindow++) {
      n += count[inWindow] ?? 0;
      total += sum[inWindow] ?? 0;
      totalSquares += squares[inWindow] ?? 0;
    }
    const mean = n > 0 ? total / n : null;
    result.push({
      day: dayFromIndex(windowStart + at),
      points: n,
      average: mean,
      standardDeviation: mean === null ? null : Math.sqrt(Math.max(0, totalSquares / n - mean * mean)),
    });
  }
  return result;
}
