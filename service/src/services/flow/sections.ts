/**
 * The engine's FlowMetrics as the contract's answer sections (pure mapping: ISO instants, rounded hours,
 * item links). Each endpoint answers one section; the summary answers all of them.
 */
import type {
  CumulativeFlowChart,
  CycleTimeSection,
  FlowResponseMeta,
  FlowSummaryResponse,
  PercentileLine,
} from '../../contract/index.ts';
import type { CumulativeFlow, FlowMetrics } from '../../metrics/index.ts';
import { movingAverageWindow } from '../../metrics/index.ts';
import type { AgingBoardInput } from './agingBoard.ts';

/** Every section of the summary, by name. */
export type Sections = Omit<FlowSummaryResponse, keyof FlowResponseMeta>;

export interface SectionContext {
  /** https://dev.azure.com/org/project — items link to {projectUrl}/_workitems/edit/{id}. */
  projectUrl: string;
  boardName: string | null;
  /** The team's board with its columns' limits and state mappings (aging); null when it has none. */
  board: AgingBoardInput | null;
  waitingStates: readonly string[];
  weekStartsOn: number;
}

const MS_PER_HOUR = 3_600_000;
export const iso = (epochMs: number): string => new Date(epochMs).toISOString();
export const hours = (value: number): number => Math.round(value * 100) / 100;
export const itemUrl = (context: SectionContext, id: number): string =>
  `${context.projectUrl}/_workitems/edit/${id}`;

export function cycleTimeSection(metrics: FlowMetrics, context: SectionContext): CycleTimeSection {
  const { cycleTime } = metrics;
  return {
    items: cycleTime.items.map((entry) => ({
      id: entry.id,
      title: entry.title,
      workItemType: entry.workItemType,
      url: itemUrl(context, entry.id),
      startedAt: iso(entry.startedAt),
      completedAt: iso(entry.completedAt),
      completedOn: entry.completedOn,
      cycleTimeDays: entry.cycleTimeDays,
      cycleTimeHours: hours(entry.cycleTimeHours),
    })),
    percentiles: cycleTime.percentiles,
    completedWithoutStart: cycleTime.completedWithoutStart,
  };
}

export function leadTimeSection(metrics: FlowMetrics, context: SectionContext): Sections['leadTime'] {
  const { leadTime } = metrics;
  return {
    items: leadTime.items.map((entry) => ({
      id: entry.id,
      title: entry.title,
      workItemType: entry.workItemType,
      url: itemUrl(context, entry.id),
      createdAt: iso(entry.createdAt),
      completedAt: iso(entry.completedAt),
      completedOn: entry.completedOn,
      leadTimeDays: entry.leadTimeDays,
      leadTimeHours: hours(entry.leadTimeHours),
    })),
    percentiles: leadTime.percentiles,
  };
}

export function throughputSection(metrics: FlowMetrics, context: SectionContext): Sections['throughput'] {
  const { throughput } = metrics;
  return {
    daily: throughput.daily,
    weekly: throughput.weekly,
    sprints: throughput.sprints,
    weekStartsOn: context.weekStartsOn,
    total: throughput.total,
    completedWithoutStart: metrics.cycleTime.completedWithoutStart.length,
    runChart: throughput.runChart,
  };
}

export function wipSection(metrics: FlowMetrics): Sections['wip'] {
  return { daily: metrics.wip.daily, average: metrics.wip.average, arrivals: metrics.arrivals };
}

function chart(flow: CumulativeFlow): CumulativeFlowChart {
  return { days: flow.days, bands: flow.bands };
}

export function cumulativeFlowSection(
  metrics: FlowMetrics,
  context: SectionContext,
): Sections['cumulativeFlow'] {
  const { byCategory, byState, byColumn } = metrics.cumulativeFlow;
  return {
    byCategory: chart(byCategory),
    byState: chart(byState),
    byColumn: context.boardName === null ? null : chart(byColumn),
    board: context.boardName,
  };
}

export function flowEfficiencySection(
  metrics: FlowMetrics,
  context: SectionContext,
): Sections['flowEfficiency'] {
  const completed = new Map(metrics.leadTime.items.map((entry) => [entry.id, entry]));
  const { flowEfficiency } = metrics;
  return {
    efficiency: flowEfficiency.efficiency,
    activeHours: hours(flowEfficiency.activeMs / MS_PER_HOUR),
    waitingHours: hours(flowEfficiency.waitingMs / MS_PER_HOUR),
    waitingStates: [...context.waitingStates],
    items: flowEfficiency.items.map((item) => ({
      id: item.id,
      title: completed.get(item.id)?.title ?? '',
      workItemType: completed.get(item.id)?.workItemType ?? '',
      url: itemUrl(context, item.id),
      activeHours: hours(item.activeMs / MS_PER_HOUR),
      waitingHours: hours(item.waitingMs / MS_PER_HOUR),
      efficiency: item.efficiency,
    })),
  };
}

export function cycleTimeHistogramSection(metrics: FlowMetrics): Sections['cycleTimeHistogram'] {
  return {
    bins: metrics.cycleTimeHistogram,
    sampleSize: metrics.cycleTime.items.length,
    percentiles: metrics.cycleTime.percentiles satisfies PercentileLine[],
  };
}

export function cycleTimeTrendSection(metrics: FlowMetrics): Sections['cycleTimeTrend'] {
  return {
    windowDays: movingAverageWindow(metrics.throughput.daily.length),
    days: metrics.cycleTimeTrend,
    percentiles: metrics.cycleTime.percentiles,
  };
}
