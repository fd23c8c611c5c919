/**
 * A team's working calendar from what Seika holds: the working weekdays and days off synchronised from
 * Azure DevOps, the organization's company holidays and the team's national-holiday calendar; and the
 * non-working days of a range with their reason, for answers that show them (sprint outlook, delivery
 * calendar).
 */
import type { CompanyHolidayRecord, TeamCalendarRecord } from '../../domain/teamCalendar.ts';
import { addDays } from '../calendar.ts';
import {
  DEFAULT_WORKING_WEEKDAYS,
  nonWorkingReason,
  type HolidayCalendar,
  type NonWorkingReason,
  type WorkingCalendar,
} from './workingCalendar.ts';

/** What Azure DevOps says of the team: nothing yet (a project-level view) is Monday–Friday, no days off. */
export const NO_TEAM_CALENDAR: TeamCalendarRecord = { workingDays: undefined, daysOff: [] };

export function teamWorkingCalendar(
  team: TeamCalendarRecord,
  companyHolidays: readonly CompanyHolidayRecord[],
  holidayCalendar: HolidayCalendar,
): WorkingCalendar {
  return {
    // A team that ticked no weekday has nothing to count on; Azure DevOps's default stands in.
    workingWeekdays:
      team.workingDays === undefined || team.workingDays.length === 0
        ? DEFAULT_WORKING_WEEKDAYS
        : team.workingDays,
    holidayCalendar,
    teamDaysOff: team.daysOff.map((range) => ({ start: range.start, end: range.end })),
    companyHolidays: companyHolidays.map((range) => ({ start: range.start, end: range.end })),
  };
}

export interface NonWorkingDayOf {
  day: string;
  reason: NonWorkingReason;
  /** The company holiday's name; null for the other reasons. */
  name: string | null;
}

/** Every non-working day from `firstDay` to `lastDay` (both included), in order, with why. */
export function nonWorkingDaysBetween(
  firstDay: string,
  lastDay: string,
  calendar: WorkingCalendar,
  companyHolidays: readonly CompanyHolidayRecord[],
): NonWorkingDayOf[] {
  const days: NonWorkingDayOf[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    const reason = nonWorkingReason(day, calendar);
    if (reason === undefined) continue;
    const holiday =
      reason === 'companyHoliday'
        ? companyHolidays.find((range) => range.start <= day && day <= range.end)
        : undefined;
    days.push({ day, reason, name: holiday?.name ?? null });
  }
  return days;
}
