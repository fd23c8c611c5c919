/**
 * A team's working days: its working weekdays (Azure DevOps team settings), its days off (capacity
 * "team days off"), its country's national holidays (a per-team setting: Japanese or none) and the
 * company holidays an administrator adds (e.g. 29 Dec – 3 Jan). Days are calendar days, YYYY-MM-DD.
 */
import { addDays, dayIndex } from '../calendar.ts';
import { isJapaneseHoliday } from './japaneseHolidays.ts';

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type HolidayCalendar = 'japan' | 'none';

/** An inclusive range of calendar days. */
export interface DayRange {
  start: string;
  end: string;
}

export interface WorkingCalendar {
  workingWeekdays: readonly Weekday[];
  holidayCalendar: HolidayCalendar;
  teamDaysOff: readonly DayRange[];
  companyHolidays: readonly DayRange[];
}

export type NonWorkingReason = 'weekend' | 'nationalHoliday' | 'teamDayOff' | 'companyHoliday';

/** Azure DevOps's default working days, used when a team has set none. */
export const DEFAULT_WORKING_WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
];

const NATIONAL_HOLIDAYS: Record<HolidayCalendar, (day: string) => boolean> = {
  japan: isJapaneseHoliday,
  none: () => false,
};

/** A team's national holidays: its own choice, else Japanese on Japan time and none elsewhere. */
export function effectiveHolidayCalendar(chosen: HolidayCalendar | null, timeZone: string): HolidayCalendar {
  return chosen ?? (timeZone === 'Asia/Tokyo' ? 'japan' : 'none');
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[(((dayIndex(day) + 4) % 7) + 7) % 7] ?? 'sunday';
}

function within(day: string, ranges: readonly DayRange[]): boolean {
  return ranges.some((range) => range.start <= day && day <= range.end);
}

/** Why `day` is not a working day for the team, or undefined when it is one. */
export function nonWorkingReason(day: string, calendar: WorkingCalendar): NonWorkingReason | undefined {
  const weekdays = calendar.workingWeekdays.length > 0 ? calendar.workingWeekdays : DEFAULT_WORKING_WEEKDAYS;
  if (!weekdays.includes(weekdayOf(day))) return 'weekend';
  if (NATIONAL_HOLIDAYS[calendar.holidayCalendar](day)) return 'nationalHoliday';
  if (within(day, calendar.companyHolidays)) return 'companyHoliday';
  if (within(day, calendar.teamDaysOff)) return 'teamDayOff';
  return undefined;
}

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  return nonWorkingReason(day, calendar) === undefined;
}

/** The team's working days from `firstDay` to `lastDay`, both included, in order. */
export function workingDaysBetween(firstDay: string, lastDay: string, calendar: WorkingCalendar): string[] {
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) days.push(day);
  }
  return days;
}

/** Working days still ahead on `today` in a sprint ending on `lastDay`: today counts while it is not over. */
export function remainingWorkingDays(today: string, lastDay: string, calendar: WorkingCalendar): number {
  return workingDaysBetween(today, lastDay, calendar).length;
}
