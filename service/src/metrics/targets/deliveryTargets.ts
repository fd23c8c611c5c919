/**
 * Delivery targets over the sprint's dates (the delivery definitions, for the team's mapped pipelines and
 * repositories). Probabilities replay past working days: how many deployments, changes or restored incidents
 * a day brought, and each one's outcome drawn from the lookback window.
 */
import { addDays, dayIndex } from '../calendar.ts';
import { randomIndex } from '../forecast/random.ts';
import { nearestRank } from '../percentiles.ts';
import { outlook, shareOfTrials, type OutlookContext, type TargetOutlook } from './outlookContext.ts';
import type { SprintDelivery } from './sprintDay.ts';
import type { OutcomeTarget } from './targetKinds.ts';
import { isWorkingDay, weekdayOf, WEEKDAYS } from './workingCalendar.ts';

type Target<K extends OutcomeTarget['kind']> = Extract<OutcomeTarget, { kind: K }>;

function unavailable(target: OutcomeTarget): TargetOutlook {
  return outlook(target, {
    current: 0,
    metNow: false,
    probability: undefined,
    itemCount: 0,
    historySize: 0,
    unavailable: 'noDeliveryData',
  });
}

const medianOf = (values: readonly number[]) =>
  nearestRank(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Monday of the calendar week holding `day`. */
function mondayOf(day: string): string {
  return addDays(day, -((WEEKDAYS.indexOf(weekdayOf(day)) + 6) % 7));
}

/** The sprint's days in order, each with the index of its calendar week (Monday to Sunday). */
function sprintWeeks(
  firstDay: string,
  lastDay: string,
): { days: string[]; weekOf: Int32Array; weeks: number } {
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) days.push(day);
  const firstMonday = dayIndex(mondayOf(firstDay));
  const weekOf = Int32Array.from(days, (day) => Math.floor((dayIndex(day) - firstMonday) / 7));
  return { days, weekOf, weeks: (weekOf[weekOf.length - 1] ?? -1) + 1 };
}

/** Nearest-rank median of the per-week counts of days flagged with a deployment. */
function medianWeeklyDays(flags: Uint8Array, weekOf: Int32Array, counts: Int32Array): number {
  counts.fill(0);
  for (let index = 0; index < flags.length; index++) {
    if (flags[index] === 1) counts[weekOf[index] ?? 0] = (counts[weekOf[index] ?? 0] ?? 0) + 1;
  }
  counts.sort();
  return counts[Math.max(0, Math.ceil(counts.length / 2) - 1)] ?? 0;
}

/** Remaining working days of the sprint (today included), in order. */
function remainingWorkingDays(context: OutlookContext): string[] {
  const days: string[] = [];
  if (context.remainingCalendar === 0) return days;
  for (let day = context.day.today; day <= context.day.lastDay; day = addDays(day, 1)) {
    if (isWorkingDay(day, context.day.calendar)) days.push(day);
  }
  return days;
}

export function deploymentDaysPerWeek(
  context: OutlookContext,
  target: Target<'deploymentDaysPerWeek'>,
): TargetOutlook {
  const delivery = context.day.delivery;
  if (delivery === undefined) return unavailable(target);
  const { days, weekOf, weeks } = sprintWeeks(context.day.firstDay, context.day.lastDay);
  const deployed = new Set(delivery.deploymentDays);
  const flags = Uint8Array.from(days, (day) => (deployed.has(day) ? 1 : 0));
  const counts = new Int32Array(weeks);
  const history = delivery.history.dailyDeployments;
  const current = medianWeeklyDays(flags, weekOf, counts);
  const figures = {
    current,
    metNow: current >= target.atLeast,
    itemCount: flags.reduce((total, flag) => total + flag, 0),
    historySize: history.length,
  };
  const ahead = new Set(remainingWorkingDays(context));
  const open = days.flatMap((day, index) => (ahead.has(day) && flags[index] === 0 ? [index] : []));
  if (open.length === 0) return outlook(target, { ...figures, probability: figures.metNow ? 1 : 0 });
  if (history.length === 0)
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const trialFlags = new Uint8Array(flags.length);
  const probability = shareOfTrials(context, (random) => {
    trialFlags.set(flags);
    for (const index of open)
      if ((history[randomIndex(random, history.length)] ?? 0) > 0) trialFlags[index] = 1;
    return medianWeeklyDays(trialFlags, weekOf, counts) >= target.atLeast;
  });
  return outlook(target, { ...figures, probability });
}

/**
 * For each trial: the values so far plus, per remaining working day, a sampled count of new ones with
 * sampled values, written into one reused buffer (trials run by the thousand).
 */
function sampledTarget(
  context: OutlookContext,
  target: OutcomeTarget,
  figures: {
    soFar: readonly number[];
    dailyCounts: readonly number[];
    pool: readonly number[];
    current: number;
  },
  met: (values: Float64Array) => boolean,
): TargetOutlook {
  const soFar = Float64Array.from(figures.soFar);
  const base = {
    current: figures.current,
    metNow: met(soFar),
    itemCount: soFar.length,
    historySize: figures.pool.length,
  };
  if (context.remainingWorking === 0) return outlook(target, { ...base, probability: base.metNow ? 1 : 0 });
  const { dailyCounts, pool } = figures;
  if (dailyCounts.length === 0 || pool.length === 0) {
    return outlook(target, { ...base, probability: undefined, unavailable: 'noHistory' });
  }
  const most = soFar.length + context.remainingWorking * Math.max(0, ...dailyCounts);
  const buffer = new Float64Array(most);
  const probability = shareOfTrials(context, (random) => {
    buffer.set(soFar);
    let length = soFar.length;
    for (let day = 0; day < context.remainingWorking; day++) {
      const count = dailyCounts[randomIndex(random, dailyCounts.length)] ?? 0;
      for (let index = 0; index < count; index++)
        buffer[length++] = pool[randomIndex(random, pool.length)] ?? 0;
    }
    return met(buffer.subarray(0, length));
  });
  return outlook(target, { ...base, probability });
}

/**
 * Whether the nearest-rank median of `values` is at most `limit`, without sorting: it is exactly when at
 * least ceil(n / 2) values are at most `limit`. Empty: `whenEmpty`.
 */
function medianAtMost(values: Float64Array, limit: number, whenEmpty: boolean): boolean {
  if (values.length === 0) return whenEmpty;
  let atMost = 0;
  for (let index = 0; index < values.length; index++) if ((values[index] ?? 0) <= limit) atMost++;
  return atMost >= Math.ceil(values.length / 2);
}

/** Percentage of failed deployments among `failed` (1 = followed by an incident, 0 = not). */
function failureRate(failed: ArrayLike<number>): number | undefined {
  if (failed.length === 0) return undefined;
  let count = 0;
  for (let index = 0; index < failed.length; index++) count += failed[index] ?? 0;
  return (count / failed.length) * 100;
}

const asFlags = (failed: readonly boolean[]) => failed.map((flag) => (flag ? 1 : 0));

export function changeFailureRate(
  context: OutlookContext,
  target: Target<'changeFailureRate'>,
): TargetOutlook {
  const delivery: SprintDelivery | undefined = context.day.delivery;
  if (delivery === undefined) return unavailable(target);
  // No deployment in the sprint gives no rate to judge: not met.
  const met = (failed: Float64Array) => {
    const rate = failureRate(failed);
    return rate !== undefined && rate <= target.atMostPercent;
  };
  return sampledTarget(
    context,
    target,
    {
      soFar: asFlags(delivery.deploymentsFailed),
      dailyCounts: delivery.history.dailyDeployments,
      pool: asFlags(delivery.history.deploymentsFailed),
      current: failureRate(asFlags(delivery.deploymentsFailed)) ?? 0,
    },
    met,
  );
}

export function leadTimeForChanges(
  context: OutlookContext,
  target: Target<'leadTimeForChanges'>,
): TargetOutlook {
  const delivery = context.day.delivery;
  if (delivery === undefined) return unavailable(target);
  // No change deployed in the sprint gives no lead time to judge: not met.
  const met = (hours: Float64Array) => medianAtMost(hours, target.medianAtMostHours, false);
  return sampledTarget(
    context,
    target,
    {
      soFar: delivery.leadTimesHours,
      dailyCounts: delivery.history.dailyChanges,
      pool: delivery.history.leadTimesHours,
      current: medianOf(delivery.leadTimesHours) ?? 0,
    },
    met,
  );
}

export function recoveryTime(context: OutlookContext, target: Target<'recoveryTime'>): TargetOutlook {
  const delivery = context.day.delivery;
  if (delivery === undefined) return unavailable(target);
  // No incident to recover from is the outcome wanted: met.
  const met = (hours: Float64Array) => medianAtMost(hours, target.medianAtMostHours, true);
  return sampledTarget(
    context,
    target,
    {
      soFar: delivery.recoveryHours,
      dailyCounts: delivery.history.dailyRecoveries,
      pool: delivery.history.recoveryHours.length > 0 ? delivery.history.recoveryHours : [0],
      current: medianOf(delivery.recoveryHours) ?? 0,
    },
    met,
  );
}
