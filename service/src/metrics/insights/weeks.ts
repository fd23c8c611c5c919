/**
 * The insights' weeks: each starts on Monday in the team's time zone (the week `GET …/insights` answers
 * for, and the week an action on a finding is stored under).
 */
import { addDays, dayIndex } from '../calendar.ts';
import { weekdayOf, WEEKDAYS } from '../targets/workingCalendar.ts';

/** The Monday of the week `day` falls in. */
export function weekStartOf(day: string): string {
  return addDays(day, -((WEEKDAYS.indexOf(weekdayOf(day)) + 6) % 7));
}

/** Why a `weekStart` sent with an action cannot be one of the team's insight weeks. */
export type WeekStartProblem = 'notADate' | 'notAWeekStart' | 'inTheFuture';

/**
 * Checks a week named by a caller against the team's calendar: a real date, the first day (Monday) of its
 * week, and not after the week that holds the team's today. Undefined when it is a week the team has seen.
 */
export function weekStartProblem(weekStart: string, teamToday: string): WeekStartProblem | undefined {
  try {
    dayIndex(weekStart);
  } catch {
    return 'notADate';
  }
  if (weekStartOf(weekStart) !== weekStart) return 'notAWeekStart';
  if (weekStart > weekStartOf(teamToday)) return 'inTheFuture';
  return undefined;
}
