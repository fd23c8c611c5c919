/** What the target engine knows about one team's sprint on one day: plain data, gathered by the service. */
import type { WorkingCalendar } from './workingCalendar.ts';

export type SprintItemState = 'notStarted' | 'inProgress' | 'done';

export interface SprintItem {
  itemId: number;
  /** Part of the sprint goal (a named item). */
  goal: boolean;
  /** In scope but no longer in the sprint's iteration. */
  removed: boolean;
  state: SprintItemState;
  /** In progress: its work item age today (today − start day + 1, so 1 on the day it started). */
  ageDays: number | undefined;
  /** Done within the sprint: its cycle time in days and the day it finished. */
  cycleTimeDays: number | undefined;
  finishedOn: string | undefined;
}

export interface TeamHistory {
  /** Items finished on each past working day of the lookback window (zeros kept, non-working days left out). */
  dailyThroughput: readonly number[];
  /** Cycle times (days) of items finished in the lookback window. */
  cycleTimesDays: readonly number[];
  /** Daily change of work in progress (arrivals − departures) on past working days. */
  dailyWipChange: readonly number[];
}

/** Delivery facts of the team's mapped pipelines and repositories; absent without production deployments. */
export interface SprintDelivery {
  /** So far in the sprint: days with a successful production deployment; each deployment's incident flag. */
  deploymentDays: readonly string[];
  deploymentsFailed: readonly boolean[];
  /** Lead times (hours) of changes deployed in the sprint, and recovery times (hours) of incidents restored. */
  leadTimesHours: readonly number[];
  recoveryHours: readonly number[];
  history: {
    /** Per past working day of the lookback window: successful production deployments, changes deployed, incidents restored. */
    dailyDeployments: readonly number[];
    dailyChanges: readonly number[];
    dailyRecoveries: readonly number[];
    /** Per past deployment, change and incident: whether it failed, its lead time, its recovery time. */
    deploymentsFailed: readonly boolean[];
    leadTimesHours: readonly number[];
    recoveryHours: readonly number[];
  };
}

export interface SprintDay {
  firstDay: string;
  lastDay: string;
  /** The day evaluated; it has not ended yet, so it is still ahead. */
  today: string;
  calendar: WorkingCalendar;
  items: readonly SprintItem[];
  history: TeamHistory;
  /** Work in progress now, and the highest end-of-day value on the sprint's working days so far. */
  wipNow: number;
  highestWipSoFar: number;
  delivery: SprintDelivery | undefined;
}
