/** Flow rules: ageing work, WIP against throughput, arrivals against departures, stability, waiting. */
import { clamp01, mean, MINIMUM_ITEMS, sum, type Finding } from '../finding.ts';
import type { InsightInput } from '../input.ts';

const enoughHistory = (input: InsightInput) => input.flow.completedInLookback >= MINIMUM_ITEMS;

/** AGE-1: items in progress older than the team's 85th-percentile cycle time. */
export function agingPastP85(input: InsightInput): Finding | undefined {
  const limit = input.flow.cycleTimeP85Days;
  if (!enoughHistory(input) || limit === undefined) return undefined;
  const old = input.flow.inProgress
    .filter((item) => item.ageDays > limit)
    .sort((a, b) => b.ageDays - a.ageDays);
  if (old.length === 0) return undefined;
  return {
    ruleId: 'AGE-1',
    expectedEffect: clamp01(0.4 + old.length / Math.max(1, input.flow.inProgress.length)),
    itemIds: old.map((item) => item.itemId),
    figures: { items: old.length, p85Days: limit, oldestDays: old[0]?.ageDays ?? 0 },
  };
}

/** WIP-1: WIP up over two weeks by at least 20% (and 2 items) while throughput stayed within ±20%. */
export function wipRisingThroughputFlat(input: InsightInput): Finding | undefined {
  const { dailyWip, dailyThroughput } = input.flow;
  if (!enoughHistory(input) || dailyWip.length < 28 || dailyThroughput.length < 28) return undefined;
  const wipBefore = mean(dailyWip.slice(-28, -14)) ?? 0;
  const wipNow = mean(dailyWip.slice(-14)) ?? 0;
  const throughputBefore = sum(dailyThroughput.slice(-28, -14));
  const throughputNow = sum(dailyThroughput.slice(-14));
  const wipRise = wipNow - wipBefore;
  const flat =
    throughputBefore === 0 ? throughputNow === 0 : Math.abs(throughputNow / throughputBefore - 1) <= 0.2;
  if (wipRise < Math.max(2, 0.2 * wipBefore) || !flat) return undefined;
  return {
    ruleId: 'WIP-1',
    expectedEffect: clamp01(0.3 + wipRise / Math.max(1, wipBefore)),
    itemIds: [],
    figures: { wipBefore: round(wipBefore), wipNow: round(wipNow), throughputBefore, throughputNow },
  };
}

/** CFD-1: more items started than finished in each of the last three weeks. */
export function arrivalsAboveDepartures(input: InsightInput): Finding | undefined {
  const { dailyArrivals, dailyThroughput } = input.flow;
  if (!enoughHistory(input) || dailyArrivals.length < 21 || dailyThroughput.length < 21) return undefined;
  const weeks = [0, 1, 2].map((week) => {
    const from = -21 + week * 7;
    const to = from + 7 === 0 ? undefined : from + 7;
    return { arrivals: sum(dailyArrivals.slice(from, to)), departures: sum(dailyThroughput.slice(from, to)) };
  });
  if (!weeks.every((week) => week.arrivals > week.departures)) return undefined;
  const excess = sum(weeks.map((week) => week.arrivals - week.departures));
  return {
    ruleId: 'CFD-1',
    expectedEffect: clamp01(0.3 + excess / Math.max(1, sum(weeks.map((week) => week.departures)))),
    itemIds: [],
    figures: {
      weeks: 3,
      arrivals: sum(weeks.map((w) => w.arrivals)),
      departures: sum(weeks.map((w) => w.departures)),
    },
  };
}

/** STB-1: Little's Law (mean WIP ÷ mean throughput) more than 30% from the measured mean cycle time. */
export function littleLawGap(input: InsightInput): Finding | undefined {
  const measured = input.flow.meanCycleTimeDays;
  const wip = mean(input.flow.dailyWip.slice(-28));
  const throughput = mean(input.flow.dailyThroughput.slice(-28));
  if (!enoughHistory(input) || measured === undefined || measured <= 0) return undefined;
  if (wip === undefined || throughput === undefined || throughput <= 0) return undefined;
  const estimate = wip / throughput;
  const gap = Math.abs(estimate - measured) / measured;
  if (gap <= 0.3) return undefined;
  return {
    ruleId: 'STB-1',
    expectedEffect: clamp01(gap / 2),
    itemIds: [],
    figures: {
      littleLawDays: round(estimate),
      measuredDays: round(measured),
      gapPercent: Math.round(gap * 100),
    },
  };
}

/** WAIT-1: flow efficiency under 30% with one waiting state holding at least 30% of items' time. */
export function longWaiting(input: InsightInput): Finding | undefined {
  const { flowEfficiency, longestWait } = input.flow;
  if (!enoughHistory(input) || flowEfficiency === undefined || longestWait === undefined) return undefined;
  if (flowEfficiency >= 0.3 || longestWait.share < 0.3) return undefined;
  return {
    ruleId: 'WAIT-1',
    expectedEffect: clamp01(longestWait.share),
    itemIds: [],
    figures: {
      state: longestWait.state,
      sharePercent: Math.round(longestWait.share * 100),
      flowEfficiencyPercent: Math.round(flowEfficiency * 100),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
