/**
 * What a team's working calendar is made of, as synchronised from Azure DevOps (team settings' working
 * days, each iteration's team days off) and as an organization administrator sets it (company holidays).
 * Days are calendar days, YYYY-MM-DD; ranges include both ends.
 */

/** Azure DevOps's `workingDays` values, Sunday first as the REST API's DayOfWeek enum counts them. */
export const DAYS_OF_WEEK = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/** One range of a team's days off, as set on one iteration's capacity page. */
export interface TeamDayOffRecord {
  iterationId: string;
  start: string;
  end: string;
}

/** A team's synchronised calendar; `workingDays` is undefined until team settings were read. */
export interface TeamCalendarRecord {
  workingDays: readonly DayOfWeek[] | undefined;
  daysOff: readonly TeamDayOffRecord[];
}

/** A range an organization administrator marks as a company holiday (e.g. 29 Dec – 3 Jan, 年末年始). */
export interface CompanyHolidayRecord {
  start: string;
  end: string;
  name: string;
}
