import { dayIndex } from '../calendar.ts';
import { mondayOf } from './deploymentFrequency.ts';
import type { DayRange } from './model.ts';
import type { PreparedDelivery } from './prepare.ts';
import { summarisePeriod, type PeriodFigures } from './summary.ts';

/** A sprint as plain data: inclusive start and finish dates (YYYY-MM-DD) from the team's iterations. */
export interface SprintDates {
  id: string;
  name: string;
  startDate: string;
  finishDate: string;
}

export interface SprintFigures {
  sprintId: string;
  name: string;
  figures: PeriodFigures;
}

/** Monday-to-Sunday weeks overlapping the window, clipped to it. */
export function weekPeriods(window: DayRange): DayRange[] {
  const weeks: DayRange[] = [];
  for (let monday = mondayOf(window.fromDay); monday <= window.toDay; monday += 7) {
    weeks.push({ fromDay: Math.max(monday, window.fromDay), toDay: Math.min(monday + 6, window.toDay) });
  }
  return weeks;
}

/** The delivery figures of each week of the window. */
export function weeklyTrend(prepared: PreparedDelivery, window: DayRange): PeriodFigures[] {
  return weekPeriods(window).map((week) => summarisePeriod(prepared, week));
}

/** The delivery figures of each sprint over the sprint's own dates. */
export function sprintTrend(prepared: PreparedDelivery, sprints: readonly SprintDates[]): SprintFigures[] {
  return sprints.map((sprint) => ({
    sprintId: sprint.id,
    name: sprint.name,
    figures: summarisePeriod(prepared, {
      fromDay: dayIndex(sprint.startDate),
      toDay: dayIndex(sprint.finishDate),
    }),
  }));
}
