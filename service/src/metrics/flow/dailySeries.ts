/**
 * Per-day series over an inclusive day range [firstDay, lastDay] (epoch-day indexes), and the
 * occupancy sweep behind WIP and cumulative flow: what each item is in at the END of each day.
 */
import { dayFromIndex } from '../calendar.ts';

export interface DayCount {
  day: string;
  count: number;
}

export function rangeLength(firstDay: number, lastDay: number): number {
  return Math.max(0, lastDay - firstDay + 1);
}

/** Counts how many of `days` fall on each day of the range (NO_DAY and out-of-range entries ignored). */
export function countByDay(days: Int32Array, firstDay: number, lastDay: number): Int32Array {
  const counts = new Int32Array(rangeLength(firstDay, lastDay));
  for (const day of days) {
    if (day >= firstDay && day <= lastDay) counts[day - firstDay] = (counts[day - firstDay] ?? 0) + 1;
  }
  return counts;
}

export function toDayCounts(counts: ArrayLike<number>, firstDay: number): DayCount[] {
  return Array.from({ length: counts.length }, (_, offset) => ({
    day: dayFromIndex(firstDay + offset),
    count: counts[offset] ?? 0,
  }));
}

/** Parallel arrays of one timeline: item i owns indexes offsets[i] .. offsets[i + 1] − 1, days ascending. */
export interface CodedTimeline {
  offsets: Int32Array;
  days: Int32Array;
  codes: ArrayLike<number>;
}

/**
 * For each code and day, the number of items whose last entry on or before that day has the code:
 * result[code][dayOffset]. A difference array per code keeps it O(entries + codes × days).
 */
export function endOfDayOccupancy(
  timeline: CodedTimeline,
  codeCount: number,
  firstDay: number,
  lastDay: number,
): Int32Array[] {
  const span = rangeLength(firstDay, lastDay);
  const width = span + 1;
  const diff = new Int32Array(codeCount * width);
  const { offsets, days, codes } = timeline;
  const items = offsets.length - 1;
  for (let item = 0; item < items; item++) {
    const end = offsets[item + 1] ?? 0;
    for (let i = offsets[item] ?? 0; i < end; i++) {
      const day = days[i] ?? 0;
      const next = i + 1 < end ? (days[i + 1] ?? 0) : Number.POSITIVE_INFINITY;
      if (next <= day) continue; // a later entry the same day overrides this one at the day's end
      const from = Math.max(day, firstDay);
      const to = Math.min(next - 1, lastDay);
      if (from > to) continue;
      const row = (codes[i] ?? 0) * width;
      diff[row + from - firstDay] = (diff[row + from - firstDay] ?? 0) + 1;
      diff[row + to - firstDay + 1] = (diff[row + to - firstDay + 1] ?? 0) - 1;
    }
  }
  const result: Int32Array[] = [];
  for (let code = 0; code < codeCount; code++) {
    const series = new Int32Array(span);
    let running = 0;
    for (let offset = 0; offset < span; offset++) {
      running += diff[code * width + offset] ?? 0;
      series[offset] = running;
    }
    result.push(series);
  }
  return result;
}
