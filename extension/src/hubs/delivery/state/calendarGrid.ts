import { addDays } from '../../../format/calendar.ts';

/** One day of the deployment calendar: how many production deployments succeeded or failed on it. */
export interface CalendarDay {
  day: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  inRange: boolean;
  weekend: boolean;
  holiday: boolean;
  succeeded: number;
  failed: number;
}

export interface DeploymentOnDay {
  finishedOn: string;
  outcome: string;
}

const failedOutcomes = new Set(['failed']);
const succeededOutcomes = new Set(['succeeded', 'succeededWithIssues']);

/** Monday = 0 for an ISO day (its weekday does not depend on any zone: days are already the team's). */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * Whole Monday-to-Sunday weeks covering `from`…`to`, each day with its deployments (days are the team's
 * calendar days, as the service answers `finishedOn`). Days outside the range are padding only.
 */
export function calendarWeeks(
  from: string,
  to: string,
  deployments: readonly DeploymentOnDay[],
  holidays: ReadonlySet<string>,
): CalendarDay[][] {
  const counts = new Map<string, { succeeded: number; failed: number }>();
  for (const deployment of deployments) {
    const entry = counts.get(deployment.finishedOn) ?? { succeeded: 0, failed: 0 };
    if (succeededOutcomes.has(deployment.outcome)) entry.succeeded += 1;
    else if (failedOutcomes.has(deployment.outcome)) entry.failed += 1;
    counts.set(deployment.finishedOn, entry);
  }
  const weeks: CalendarDay[][] = [];
  let day = addDays(from, -weekdayOf(from));
  while (day <= to) {
    const week: CalendarDay[] = [];
    for (let index = 0; index < 7; index += 1) {
      const entry = counts.get(day);
      const inRange = day >= from && day <= to;
      week.push({
        day,
        weekday: index,
        inRange,
        weekend: index >= 5,
        holiday: holidays.has(day),
        succeeded: inRange ? (entry?.succeeded ?? 0) : 0,
        failed: inRange ? (entry?.failed ?? 0) : 0,
      });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}
