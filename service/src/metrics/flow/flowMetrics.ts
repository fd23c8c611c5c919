/**
 * Every flow metric of one team for one query, from one preparation and two snapshots (end of the
 * range; end of the basis day for aging and SLEs). The caller loads the data; this stays pure.
 */
import type { FlowItem, TeamScope } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { AgingResult } from './aging.ts';
import { workItemAging } from './aging.ts';
import type { BoardColumnChange, WorkflowLayout } from './boundaries.ts';
import { dayIndex } from '../calendar.ts';
import type { TeamFlowConfig } from './config.ts';
import { DEFAULT_TEAM_FLOW_CONFIG } from './config.ts';
import type { CumulativeFlow } from './cumulativeFlow.ts';
import { cumulativeFlowByCategory, cumulativeFlowByColumn, cumulativeFlowByState } from './cumulativeFlow.ts';
import type { CycleTimeResult } from './cycleTime.ts';
import { cycleTimePercentiles, cycleTimesFromSnapshot } from './cycleTime.ts';
import type { DayCount } from './dailySeries.ts';
import { toDayCounts } from './dailySeries.ts';
import type { DataQualityReport } from './dataQuality.ts';
import { dataQuality } from './dataQuality.ts';
import type { FlowFilter } from './filters.ts';
import { itemFilter } from './filters.ts';
import type { FlowEfficiency } from './flowEfficiency.ts';
import { flowEfficiency } from './flowEfficiency.ts';
import type { HistogramBin } from './histogram.ts';
import { cycleTimeHistogram } from './histogram.ts';
import type { LeadTimeResult } from './leadTime.ts';
import { computeLeadTimes } from './leadTime.ts';
import type { BandDay } from './movingAverage.ts';
import { movingAverageBand } from './movingAverage.ts';
import type { PreparedFlow } from './prepare.ts';
import { prepareFlow } from './prepare.ts';
import { teamScopeMatcher } from './scope.ts';
import type { ServiceLevelExpectation } from './serviceLevel.ts';
import { serviceLevelExpectation } from './serviceLevel.ts';
import { snapshotAtEndOf } from './snapshot.ts';
import type { Sprint, SprintTotal, WeekTotal } from './throughput.ts';
import { dailyThroughput, sprintTotals, weeklyTotals } from './throughput.ts';
import { dailyArrivals, dailyAverage, dailyWip } from './wip.ts';

export interface FlowMetricsInput {
  items: readonly FlowItem[];
  workflow: WorkflowStateMap;
  /** The team's scope; its types are replaced by `config.workItemTypes` when that is set. */
  scope?: TeamScope;
  config?: TeamFlowConfig;
  /** Inclusive range in the team's time zone. */
  fromDay: string;
  toDay: string;
  /** Day to replay aging and SLEs as of (default: toDay). */
  basisDay?: string;
  filter?: FlowFilter;
  sprints?: readonly Sprint[];
  layout?: WorkflowLayout;
  boardColumns?: ReadonlyMap<number, readonly BoardColumnChange[]>;
}

export interface FlowMetrics {
  fromDay: string;
  toDay: string;
  basisDay: string;
  timeZone: string;
  itemCount: number;
  cycleTime: CycleTimeResult;
  cycleTimeHistogram: HistogramBin[];
  /** Moving average and band of cycle times by completion day (the widget's trend line). */
  cycleTimeTrend: BandDay[];
  leadTime: LeadTimeResult;
  throughput: {
    daily: DayCount[];
    weekly: WeekTotal[];
    sprints: SprintTotal[];
    total: number;
    runChart: BandDay[];
  };
  wip: { daily: DayCount[]; average: number | null };
  arrivals: { daily: DayCount[]; total: number };
  aging: AgingResult;
  serviceLevels: ServiceLevelExpectation[];
  cumulativeFlow: { byCategory: CumulativeFlow; byState: CumulativeFlow; byColumn: CumulativeFlow };
  flowEfficiency: FlowEfficiency;
  dataQuality: DataQualityReport;
}

/** Scope (with the config's type override) and the user's filter, as one predicate. */
export function selectItems(
  items: readonly FlowItem[],
  scope: TeamScope | undefined,
  config: TeamFlowConfig,
  filter: FlowFilter = {},
): FlowItem[] {
  const inScope = scope
    ? teamScopeMatcher(
        config.workItemTypes === null ? scope : { ...scope, backlogWorkItemTypes: config.workItemTypes },
      )
    : () => true;
  const filtered = itemFilter(filter);
  return items.filter((item) => inScope(item.item) && filtered(item));
}

export function prepareTeamFlow(input: FlowMetricsInput, config: TeamFlowConfig): PreparedFlow {
  return prepareFlow(selectItems(input.items, input.scope, config, input.filter), input.workflow, {
    timeZone: config.timeZone,
    startPoint: config.startPoint,
    endPoint: config.endPoint,
    layout: input.layout,
    boardColumns: input.boardColumns,
  });
}

function sumOf(counts: Int32Array): number {
  return counts.reduce((total, count) => total + count, 0);
}

export function computeFlowMetrics(input: FlowMetricsInput): FlowMetrics {
  const config = input.config ?? DEFAULT_TEAM_FLOW_CONFIG;
  const basisDay = input.basisDay ?? input.toDay;
  const first = dayIndex(input.fromDay);
  const last = dayIndex(input.toDay);
  const basis = dayIndex(basisDay);
  const flow = prepareTeamFlow(input, config);
  const atEnd = snapshotAtEndOf(flow, input.toDay);
  const atBasis = basisDay === input.toDay ? atEnd : snapshotAtEndOf(flow, basisDay);

  const { entries, completedWithoutStart } = cycleTimesFromSnapshot(flow, atEnd, first, last);
  const cycleDays = entries.map((entry) => entry.cycleTimeDays);
  const throughput = dailyThroughput(atEnd, first, last);
  const arrivals = dailyArrivals(atEnd, first, last);
  const wip = dailyWip(flow, first, last);
  const lookback = cycleTimesFromSnapshot(flow, atBasis, basis - config.lookbackDays + 1, basis).entries;

  return {
    fromDay: input.fromDay,
    toDay: input.toDay,
    basisDay,
    timeZone: config.timeZone,
    itemCount: flow.records.length,
    cycleTime: {
      items: entries,
      percentiles: cycleTimePercentiles(entries, config.percentiles),
      completedWithoutStart,
    },
    cycleTimeHistogram: cycleTimeHistogram(cycleDays),
    cycleTimeTrend: movingAverageBand(
      entries.map((entry, i) => ({ day: dayIndex(entry.completedOn), value: cycleDays[i] ?? 0 })),
      first,
      last,
    ),
    leadTime: computeLeadTimes(flow, atEnd, first, last, config.percentiles),
    throughput: {
      daily: toDayCounts(throughput, first),
      weekly: weeklyTotals(throughput, first, config.weekStartsOn),
      sprints: sprintTotals(throughput, first, input.sprints ?? []),
      total: sumOf(throughput),
      runChart: movingAverageBand(
        Array.from(throughput, (count, offset) => ({ day: first + offset, value: count })),
        first,
        last,
      ),
    },
    wip: { daily: toDayCounts(wip, first), average: dailyAverage(wip) },
    arrivals: { daily: toDayCounts(arrivals, first), total: sumOf(arrivals) },
    aging: workItemAging(flow, atBasis, basis, config.lookbackDays, config.percentiles),
    serviceLevels: config.percentiles.map((p) =>
      serviceLevelExpectation(
        lookback.map((entry) => entry.cycleTimeDays),
        p,
      ),
    ),
    cumulativeFlow: {
      byCategory: cumulativeFlowByCategory(flow, first, last),
      byState: cumulativeFlowByState(flow, first, last, input.layout),
      byColumn: cumulativeFlowByColumn(flow, first, last),
    },
    flowEfficiency: flowEfficiency(flow, atEnd, first, last, config.waitingStates),
    dataQuality: dataQuality(flow, atEnd.asOf),
  };
}
