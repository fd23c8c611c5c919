/** What the target engine knows about one team's sprint on one day: plain data, gathered by the service. */
import type { WorkingCalendar } from './workingCalendar.ts';

export type SprintItemState = 'notStarted' | 'inProgress' | 'done';

export interface SprintItem {
  itemId: number;
  /** Part of the sprint goal. */
  goal: boolean;
  /** Left the sprint: stays in every denominator, counted as not done. */
  removed: boolean;
  state: SprintItemState;
  /** In progress: calendar days since it started, at the start of `today`. */
  ageDays: number | undefined;
  /** Done: its cycle time in calendar days, and the day it finished. */
  cycleTimeDays: number | undefined;
  finishedOn: string | undefined;
}

export interface TeamHistory {
  /** Items finished on each past working day of the lookback window (zeros kept, non-working days left out). */
  dailyThroughput: readonly number[];
  /** Cycle times (calendar days) of items finished in the lookback window. */
  cycleTimesDays: readonly number[];
  /** Daily change of work in progress (arrivals − departures) on past working days. */
  dailyWipChange: readonly number[];
  /** Whether each past working day had a production deployment; empty without delivery data. */
  deploymentDays: readonly boolean[];
}

export interface SprintDay {
  firstDay: string;
  lastDay: string;
  /** The day evaluated; it has not ended yet, so it is still ahead. */
  today: string;
  calendar: WorkingCalendar;
  items: readonly SprintItem[];
  history: TeamHistory;
  /** Work in progress now, and the highest daily value since the sprint started. */
  wipNow: number;
  highestWipSoFar: number;
  /** Working days of the sprint so far with a production deployment; undefined without delivery data. */
  deploymentDaysSoFar: number | undefined;
}
