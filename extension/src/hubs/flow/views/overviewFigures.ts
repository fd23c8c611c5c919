import type {
  AgingItem,
  FlowSummaryResponse,
  PercentileLine,
  ServiceLevel,
} from '../../../../../service/src/contract/index.ts';

/** Percentiles of fewer items than this are withheld: with four items "the 85th percentile" is one item. */
export const MIN_SAMPLE = 5;

export interface OverviewFigures {
  /** Items in progress at the end of the range's last day. */
  wipToday: number | null;
  /** Items completed in the last 28 days of the range (fewer when the range is shorter). */
  throughputLast4Weeks: number;
  throughputDays: number;
  cycleTime50: number | null;
  cycleTime85: number | null;
  /** Completed items behind the cycle-time percentiles. */
  cycleTimeSample: number;
  /** In-progress items older than the 85th percentile of the lookback window, oldest first. */
  agingPast85: AgingItem[];
  aging85: number | null;
  serviceLevel: ServiceLevel | null;
}

export function percentileDays(lines: readonly PercentileLine[], percentile: number): number | null {
  return lines.find((line) => line.percentile === percentile)?.days ?? null;
}

/** The Overview's figures, each straight from the summary (no figure here is computed twice). */
export function overviewFigures(summary: FlowSummaryResponse): OverviewFigures {
  const lastDays = summary.throughput.daily.slice(-28);
  const sample = summary.cycleTime.items.length;
  const enough = sample >= MIN_SAMPLE;
  const aging85 =
    summary.aging.lookback.completedItems >= MIN_SAMPLE
      ? percentileDays(summary.aging.percentiles, 85)
      : null;
  const levels = summary.serviceLevels.serviceLevels;
  // The SLE is the 85% statement when the team keeps that line, else its highest line.
  const serviceLevel =
    levels.find((level) => level.percentile === 85) ??
    [...levels].sort((a, b) => b.percentile - a.percentile)[0] ??
    null;
  return {
    wipToday: summary.wip.daily.at(-1)?.count ?? null,
    throughputLast4Weeks: lastDays.reduce((sum, day) => sum + day.count, 0),
    throughputDays: lastDays.length,
    cycleTime50: enough ? percentileDays(summary.cycleTime.percentiles, 50) : null,
    cycleTime85: enough ? percentileDays(summary.cycleTime.percentiles, 85) : null,
    cycleTimeSample: sample,
    agingPast85: aging85 === null ? [] : summary.aging.items.filter((item) => item.ageDays > aging85),
    aging85,
    serviceLevel:
      serviceLevel && serviceLevel.sampleSize >= MIN_SAMPLE && serviceLevel.days !== null
        ? serviceLevel
        : null,
  };
}
