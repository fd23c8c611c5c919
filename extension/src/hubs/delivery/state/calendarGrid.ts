import type { NonWorkingDay } from '../../../../../service/src/contract/calendar/workingCalendar.ts';
import { addDays } from '../../../format/calendar.ts';

/** One day of the deployment calendar: how many production deployments succeeded or failed on it. */
export interface CalendarDay {
  day: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  inRange: boolean;
  /** Not a working day of the team (or project view) because of its week. */
  weekend: boolean;
  /** Not a working day for another reason: a national holiday, a company holiday, a team day off. */
  holiday: boolean;
  /** Why the day is not a working day, as the service answered; null on working days. */
  off: Pick<NonWorkingDay, 'reason' | 'name'> | null;
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
 * calendar days, as the service answers `finishedOn`) and, in the range, why it is not a working day
 * (the service's `nonWorkingDays`: the team's own week, so a Sunday–Thursday team's Friday is its weekend).
 * Days outside the range are padding only.
 */
export function calendarWeeks(
  from: string,
  to: string,
  deployments: readonly DeploymentOnDay[],
  nonWorkingDays: readonly NonWorkingDay[],
): CalendarDay[][] {
  const offByDay = new Map(nonWorkingDays.map((entry) => [entry.day, entry]));
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
      const off = inRange ? offByDay.get(day) : undefined;
      week.push({
        day,
        weekday: index,
        inRange,
        weekend: off?.reason === 'weekend',
        holiday: off !== undefined && off.reason !== 'weekend',
        off: off === undefined ? null : { reason: off.reason, name: off.name },
        succeeded: inRange ? (entry?.succeeded ?? 0) : 0,
        failed: inRange ? (entry?.failed ?? 0) : 0,
      });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}
