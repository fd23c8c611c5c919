/**
 * Throughput (metric definitions § Flow metrics): on day d, the items whose completion falls on d.
 * Weekly and per-sprint throughput sum the days.
 */
import { dayFromIndex, dayIndex } from '../calendar.ts';
import type { DayCount } from './dailySeries.ts';
import { countByDay, toDayCounts } from './dailySeries.ts';
import type { FlowSnapshot } from './snapshot.ts';

/** Completions per day in [firstDay, lastDay] (skipped-start items included). */
export function dailyThroughput(snapshot: FlowSnapshot, firstDay: number, lastDay: number): Int32Array {
  return countByDay(snapshot.completedDay, firstDay, lastDay);
}

export function throughputPerDay(snapshot: FlowSnapshot, firstDay: number, lastDay: number): DayCount[] {
  return toDayCounts(dailyThroughput(snapshot, firstDay, lastDay), firstDay);
}

/** 0 = Sunday … 6 = Saturday; epoch day 0 (1970-01-01) was a Thursday. */
export function dayOfWeek(index: number): number {
  return (((index + 4) % 7) + 7) % 7;
}

export interface PeriodTotal {
  /** First and last day of the period that lie inside the series. */
  fromDay: string;
  toDay: string;
  /** Days of the period inside the series (a period cut by the series' ends has fewer). */
  days: number;
  count: number;
}

export interface WeekTotal extends PeriodTotal {
  /** The week's first day, even if it lies before the series. */
  weekStart: string;
}

function sum(counts: ArrayLike<number>, from: number, to: number): number {
  let total = 0;
  for (let offset = from; offset <= to; offset++) total += counts[offset] ?? 0;
  return total;
}

/** Week totals of a daily series starting at `firstDay`; weeks start on `weekStartsOn` (1 = Monday). */
export function weeklyTotals(counts: ArrayLike<number>, firstDay: number, weekStartsOn = 1): WeekTotal[] {
  const weeks: WeekTotal[] = [];
  let offset = 0;
  while (offset < counts.length) {
    const day = firstDay + offset;
    const weekStart = day - ((dayOfWeek(day) - weekStartsOn + 7) % 7);
    const lastOffset = Math.min(counts.length - 1, weekStart + 6 - firstDay);
    weeks.push({
      weekStart: dayFromIndex(weekStart),
      fromDay: dayFromIndex(day),
      toDay: dayFromIndex(firstDay + lastOffset),
      days: lastOffset - offset + 1,
      count: sum(counts, offset, lastOffset),
    });
    offset = lastOffset + 1;
  }
  return weeks;
}

/** A sprint (iteration) as plain data; days inclusive. */
export interface Sprint {
  name: string;
  startDay: string;
  finishDay: string;
}

export interface SprintTotal extends PeriodTotal {
  name: string;
}

/** Sprint totals of a daily series starting at `firstDay`; only the sprint days inside the series count. */
export function sprintTotals(
  counts: ArrayLike<number>,
  firstDay: number,
  sprints: readonly Sprint[],
): SprintTotal[] {
  return sprints.map((sprint) => {
    const from = Math.max(0, dayIndex(sprint.startDay) - firstDay);
    const to = Math.min(counts.length - 1, dayIndex(sprint.finishDay) - firstDay);
    const inside = to >= from;
    return {
      name: sprint.name,
      fromDay: inside ? dayFromIndex(firstDay + from) : sprint.startDay,
      toDay: inside ? dayFromIndex(firstDay + to) : sprint.startDay,
      days: inside ? to - from + 1 : 0,
      count: inside ? sum(counts, from, to) : 0,
    };
  });
}
