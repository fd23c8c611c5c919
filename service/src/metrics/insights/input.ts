/**
 * What the insight rules read about one team for one week: team-level figures only (items are ids, never
 * people). The service gathers them from the flow, delivery and target data Seika already holds.
 */

export interface AgingItem {
  itemId: number;
  ageDays: number;
}

export interface WeeklyDelivery {
  /** Days of the week with a production deployment. */
  deploymentDays: number;
  deployments: number;
  /** Median changes (commits or pull requests) per production deployment; undefined without deployments. */
  medianChangesPerDeployment: number | undefined;
  /** Deployments followed by a real incident (Boards incident or rollback), never a failed pipeline run. */
  failedDeployments: number;
  /** Median recovery time of incidents restored this week, hours; undefined when none was restored. */
  medianRecoveryHours: number | undefined;
  incidentsRestored: number;
  /** Unplanned deployments made to fix production. */
  reworkDeployments: number;
}

export interface TargetProbabilityChange {
  targetIndex: number;
  kind: string;
  weekAgo: number;
  now: number;
}

export interface InsightInput {
  /** Monday (or the team's week start) of the week judged, YYYY-MM-DD. */
  weekStart: string;
  flow: {
    /** Items finished in the lookback window: rules need at least five. */
    completedInLookback: number;
    cycleTimeP70Days: number | undefined;
    cycleTimeP85Days: number | undefined;
    /** Mean cycle time of items finished in the last 28 days. */
    meanCycleTimeDays: number | undefined;
    inProgress: readonly AgingItem[];
    /** The last 28 days, oldest first: WIP at each day's end, items finished, items started. */
    dailyWip: readonly number[];
    dailyThroughput: readonly number[];
    dailyArrivals: readonly number[];
    /** Share of elapsed time in waiting states over the lookback, 0–1; undefined without waiting states. */
    flowEfficiency: number | undefined;
    /** The waiting state holding the largest share of items' time, and that share (0–1). */
    longestWait: { state: string; share: number } | undefined;
  };
  sprint:
    | {
        lengthDays: number;
        planned: number;
        added: number;
        carriedOverTwice: readonly number[];
        targetChanges: readonly TargetProbabilityChange[];
      }
    | undefined;
  /** The last eight weeks, oldest first; undefined when no production deployments are known. */
  delivery: readonly WeeklyDelivery[] | undefined;
  dataQuality: {
    flaggedItems: readonly number[];
    itemsChecked: number;
    productionMarked: boolean | undefined;
  };
}
