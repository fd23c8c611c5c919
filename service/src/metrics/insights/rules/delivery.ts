/**
 * Delivery rules over the last eight weeks (four against the four before). Stability rules count only
 * deployments followed by real incidents or rollbacks, never failed pipeline runs.
 */
import { clamp01, median, MINIMUM_ITEMS, sum, type Finding } from '../finding.ts';
import type { InsightInput, WeeklyDelivery } from '../input.ts';

function halves(
  input: InsightInput,
): { before: readonly WeeklyDelivery[]; now: readonly WeeklyDelivery[] } | undefined {
  const weeks = input.delivery;
  if (weeks === undefined || weeks.length < 8) return undefined;
  return { before: weeks.slice(-8, -4), now: weeks.slice(-4) };
}

const deployments = (weeks: readonly WeeklyDelivery[]) => sum(weeks.map((week) => week.deployments));
const rate = (weeks: readonly WeeklyDelivery[], part: (week: WeeklyDelivery) => number) =>
  deployments(weeks) === 0 ? 0 : sum(weeks.map(part)) / deployments(weeks);

/** DEP-1: deployment days down by a quarter or more, or median changes per deployment up by half. */
export function deploymentsRarerOrBigger(input: InsightInput): Finding | undefined {
  const split = halves(input);
  if (split === undefined || deployments(split.before) < MINIMUM_ITEMS) return undefined;
  const daysBefore = sum(split.before.map((week) => week.deploymentDays));
  const daysNow = sum(split.now.map((week) => week.deploymentDays));
  const sizeOf = (weeks: readonly WeeklyDelivery[]) =>
    median(
      weeks.flatMap((week) =>
        week.medianChangesPerDeployment === undefined ? [] : [week.medianChangesPerDeployment],
      ),
    );
  const sizeBefore = sizeOf(split.before);
  const sizeNow = sizeOf(split.now);
  const rarer = daysBefore > 0 && daysNow <= 0.75 * daysBefore;
  const bigger =
    sizeBefore !== undefined && sizeNow !== undefined && sizeBefore > 0 && sizeNow >= 1.5 * sizeBefore;
  if (!rarer && !bigger) return undefined;
  return {
    ruleId: 'DEP-1',
    expectedEffect: clamp01(
      0.3 +
        (rarer ? 1 - daysNow / daysBefore : 0) +
        (bigger && sizeBefore ? sizeNow / sizeBefore - 1 : 0) / 2,
    ),
    itemIds: [],
    figures: { daysBefore, daysNow, changesBefore: sizeBefore ?? 0, changesNow: sizeNow ?? 0 },
  };
}

/** CFR-1: change failure rate up by 10 points or more, with at least five deployments in both halves. */
export function failureRateRising(input: InsightInput): Finding | undefined {
  const split = halves(input);
  if (
    split === undefined ||
    deployments(split.before) < MINIMUM_ITEMS ||
    deployments(split.now) < MINIMUM_ITEMS
  ) {
    return undefined;
  }
  const before = rate(split.before, (week) => week.failedDeployments);
  const now = rate(split.now, (week) => week.failedDeployments);
  if (now - before < 0.1) return undefined;
  return {
    ruleId: 'CFR-1',
    expectedEffect: clamp01(0.4 + (now - before)),
    itemIds: [],
    figures: { beforePercent: Math.round(before * 100), nowPercent: Math.round(now * 100) },
  };
}

/** MTTR-1: median recovery time half as long again as before, over at least five restored incidents. */
export function recoveryTimeRising(input: InsightInput): Finding | undefined {
  const split = halves(input);
  if (split === undefined) return undefined;
  const restored = (weeks: readonly WeeklyDelivery[]) => sum(weeks.map((week) => week.incidentsRestored));
  if (restored(split.before) + restored(split.now) < MINIMUM_ITEMS || restored(split.now) === 0)
    return undefined;
  const medianOf = (weeks: readonly WeeklyDelivery[]) =>
    median(
      weeks.flatMap((week) => (week.medianRecoveryHours === undefined ? [] : [week.medianRecoveryHours])),
    );
  const before = medianOf(split.before);
  const now = medianOf(split.now);
  if (before === undefined || now === undefined || before <= 0 || now < 1.5 * before) return undefined;
  return {
    ruleId: 'MTTR-1',
    expectedEffect: clamp01(0.3 + (now / before - 1) / 2),
    itemIds: [],
    figures: { beforeHours: before, nowHours: now },
  };
}

/** RWK-1: share of unplanned fix deployments up by 10 points or more. */
export function reworkRising(input: InsightInput): Finding | undefined {
  const split = halves(input);
  if (
    split === undefined ||
    deployments(split.before) < MINIMUM_ITEMS ||
    deployments(split.now) < MINIMUM_ITEMS
  ) {
    return undefined;
  }
  const before = rate(split.before, (week) => week.reworkDeployments);
  const now = rate(split.now, (week) => week.reworkDeployments);
  if (now - before < 0.1) return undefined;
  return {
    ruleId: 'RWK-1',
    expectedEffect: clamp01(0.3 + (now - before)),
    itemIds: [],
    figures: { beforePercent: Math.round(before * 100), nowPercent: Math.round(now * 100) },
  };
}
