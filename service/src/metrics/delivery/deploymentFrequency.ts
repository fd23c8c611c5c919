import { dayFromIndex } from '../calendar.ts';
import { deploymentFrequencyBand } from './bands.ts';
import type { DayRange, NoDeployments, ProductionDeployment, ReferenceBand } from './model.ts';
import { medianOf } from './stats.ts';

export interface DailyDeployments {
  day: string;
  deployments: number;
  deploymentIds: readonly string[];
}

/** A calendar week or month overlapping the period; only its days inside the period are counted. */
export interface DeploymentDaysBucket {
  /** Monday of the week (YYYY-MM-DD), or the month (YYYY-MM). */
  label: string;
  deploymentDays: number;
  daysInPeriod: number;
}

export type DeploymentFrequencyResult =
  | NoDeployments
  | {
      status: 'ok';
      successfulDeployments: number;
      deploymentDays: number;
      daysInPeriod: number;
      /** Successful production deployments ÷ calendar days in the period. */
      deploymentsPerDay: number;
      /** Nearest-rank median over the weeks (Monday to Sunday) overlapping the period, as DevLake groups them. */
      medianDeploymentDaysPerWeek: number;
      /** Same over calendar months; the reference band's "≥ 1 per month" uses it. */
      medianDeploymentDaysPerMonth: number;
      daily: readonly DailyDeployments[];
      weekly: readonly DeploymentDaysBucket[];
      monthly: readonly DeploymentDaysBucket[];
      reference: ReferenceBand;
    };

/** Epoch-day index of the Monday on or before `day` (1970-01-01, day 0, was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

function bucketDays(
  daily: readonly DailyDeployments[],
  period: DayRange,
  labelOf: (day: number) => string,
): DeploymentDaysBucket[] {
  const buckets: DeploymentDaysBucket[] = [];
  let current: DeploymentDaysBucket | undefined;
  for (let day = period.fromDay; day <= period.toDay; day++) {
    const label = labelOf(day);
    if (current?.label !== label) {
      current = { label, deploymentDays: 0, daysInPeriod: 0 };
      buckets.push(current);
    }
    current.daysInPeriod++;
    if ((daily[day - period.fromDay]?.deployments ?? 0) > 0) current.deploymentDays++;
  }
  return buckets;
}

/** The figures from one row per day of the period. */
function frequencyOf(
  successfulDeployments: number,
  daily: readonly DailyDeployments[],
  period: DayRange,
): DeploymentFrequencyResult {
  const daysInPeriod = period.toDay - period.fromDay + 1;
  const weekly = bucketDays(daily, period, (day) => dayFromIndex(mondayOf(day)));
  const monthly = bucketDays(daily, period, (day) => dayFromIndex(day).slice(0, 7));
  const medianDeploymentDaysPerWeek = medianOf(weekly.map((w) => w.deploymentDays)) ?? 0;
  const medianDeploymentDaysPerMonth = medianOf(monthly.map((m) => m.deploymentDays)) ?? 0;
  return {
    status: 'ok',
    successfulDeployments,
    deploymentDays: daily.filter((d) => d.deployments > 0).length,
    daysInPeriod,
    deploymentsPerDay: successfulDeployments / daysInPeriod,
    medianDeploymentDaysPerWeek,
    medianDeploymentDaysPerMonth,
    daily,
    weekly,
    monthly,
    reference: deploymentFrequencyBand(medianDeploymentDaysPerWeek, medianDeploymentDaysPerMonth),
  };
}

/**
 * Deployment frequency (metric definitions, Delivery): successful production deployments per day,
 * and the median number of deployment days (days with at least one) per week.
 */
export function deploymentFrequency(
  successfulInPeriod: readonly ProductionDeployment[],
  period: DayRange,
): DeploymentFrequencyResult {
  if (successfulInPeriod.length === 0) return { status: 'noDeployments' };
  const daysInPeriod = period.toDay - period.fromDay + 1;
  const perDay: string[][] = Array.from({ length: daysInPeriod }, () => []);
  for (const deployment of successfulInPeriod) {
    perDay[deployment.day - period.fromDay]?.push(deployment.record.id);
  }
  const daily = perDay.map((ids, offset) => ({
    day: dayFromIndex(period.fromDay + offset),
    deployments: ids.length,
    deploymentIds: ids,
  }));
  return frequencyOf(successfulInPeriod.length, daily, period);
}

/**
 * deploymentFrequency of successful[from … to - 1], all the successful deployments of the period,
 * whose days never decrease: each day's deployments are one run, so a day's row is the same in
 * every period that contains it and `rows` (by day) keeps it for the next.
 */
export function deploymentFrequencyOfRun(
  successful: readonly ProductionDeployment[],
  days: Int32Array,
  from: number,
  to: number,
  period: DayRange,
  rows: Map<number, DailyDeployments>,
): DeploymentFrequencyResult {
  if (to <= from) return { status: 'noDeployments' };
  const daily: DailyDeployments[] = [];
  let next = from;
  for (let day = period.fromDay; day <= period.toDay; day++) {
    let row = rows.get(day);
    if (row === undefined) {
      const ids: string[] = [];
      while (next < to && (days[next] ?? 0) < day) next++;
      for (; next < to && days[next] === day; next++) ids.push(successful[next]?.record.id ?? '');
      row = { day: dayFromIndex(day), deployments: ids.length, deploymentIds: ids };
      rows.set(day, row);
    }
    daily.push(row);
  }
  return frequencyOf(to - from, daily, period);
}
