/**
 * An insight input from figures Seika already computes: the team's flow metrics over the 28 days ending
 * on the week's last day, its current sprint, and its weekly delivery figures (pure).
 */
import type { FlowMetrics } from '../flow/flowMetrics.ts';
import type { InsightInput, TargetProbabilityChange, WeeklyDelivery } from './input.ts';

export interface InsightSources {
  weekStart: string;
  /** computeFlowMetrics over the 28 days ending on the week's last day (basis day = that day). */
  flow: FlowMetrics;
  /** The team's waiting states (flow efficiency), named in the finding. */
  waitingStates: readonly string[];
  sprint:
    | {
        lengthDays: number;
        /** Items in the sprint's baseline and added after it; 0 and 0 while membership is not known. */
        planned: number;
        added: number;
        carriedOverTwice: readonly number[];
        targetChanges: readonly TargetProbabilityChange[];
      }
    | undefined;
  delivery: readonly WeeklyDelivery[] | undefined;
  productionMarked: boolean | undefined;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? undefined : values.reduce((total, value) => total + value, 0) / values.length;

export function insightInputFromMetrics(sources: InsightSources): InsightInput {
  const { flow } = sources;
  const lookback = flow.aging.percentiles;
  const percentileDays = (percentile: number) =>
    lookback.find((line) => line.percentile === percentile)?.days ?? undefined;
  const efficiency = flow.flowEfficiency;
  const measured = efficiency.activeMs + efficiency.waitingMs;
  return {
    weekStart: sources.weekStart,
    flow: {
      completedInLookback: flow.aging.lookback.completedItems,
      cycleTimeP70Days: percentileDays(70),
      cycleTimeP85Days: percentileDays(85),
      meanCycleTimeDays: mean(flow.cycleTime.items.map((item) => item.cycleTimeDays)),
      inProgress: flow.aging.items.map((item) => ({ itemId: item.id, ageDays: item.ageDays })),
      dailyWip: flow.wip.daily.map((day) => day.count),
      dailyThroughput: flow.throughput.daily.map((day) => day.count),
      dailyArrivals: flow.arrivals.daily.map((day) => day.count),
      flowEfficiency: sources.waitingStates.length === 0 ? undefined : (efficiency.efficiency ?? undefined),
      longestWait:
        sources.waitingStates.length === 0 || measured === 0
          ? undefined
          : { state: sources.waitingStates.join(', '), share: efficiency.waitingMs / measured },
    },
    sprint:
      sources.sprint === undefined
        ? undefined
        : {
            lengthDays: sources.sprint.lengthDays,
            planned: sources.sprint.planned,
            added: sources.sprint.added,
            carriedOverTwice: sources.sprint.carriedOverTwice,
            targetChanges: sources.sprint.targetChanges,
          },
    delivery: sources.delivery,
    dataQuality: {
      flaggedItems: flow.dataQuality.items.map((item) => item.id),
      itemsChecked: flow.itemCount,
      productionMarked: sources.productionMarked,
    },
  };
}
