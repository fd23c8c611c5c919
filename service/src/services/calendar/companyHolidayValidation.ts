/**
 * Company holidays as an administrator sends them, checked range by range: each error is a stable code
 * (the hubs word it from their string tables), an English message and the offending field.
 */
import {
  MAX_COMPANY_HOLIDAYS,
  MAX_COMPANY_HOLIDAY_DAYS,
  MAX_COMPANY_HOLIDAY_NAME,
  type CompanyHoliday,
  type CompanyHolidayErrorCode,
} from '../../contract/calendar/workingCalendar.ts';
import { daysBetween } from '../../metrics/calendar.ts';

export interface CompanyHolidayProblem {
  code: CompanyHolidayErrorCode;
  message: string;
  parameter: string;
}

export type CompanyHolidayCheck = { holidays: CompanyHoliday[] } | { problem: CompanyHolidayProblem };

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function field(entry: unknown, key: string): unknown {
  return typeof entry === 'object' && entry !== null ? Reflect.get(entry, key) : undefined;
}

function checkOne(entry: unknown, index: number): CompanyHoliday | CompanyHolidayProblem {
  const at = `holidays.${index}`;
  const start = field(entry, 'start');
  const end = field(entry, 'end');
  const rawName = field(entry, 'name');
  const badDay = (key: 'start' | 'end'): CompanyHolidayProblem => ({
    code: 'invalid_day',
    message: `Holiday ${index + 1}: "${key}" must be a calendar day written YYYY-MM-DD (for example 2026-12-29).`,
    parameter: `${at}.${key}`,
  });
  if (!isCalendarDay(start)) return badDay('start');
  if (!isCalendarDay(end)) return badDay('end');
  if (start > end) {
    return {
      code: 'start_after_end',
      message: `Holiday ${index + 1}: the first day (${start}) is after the last day (${end}); swap them.`,
      parameter: `${at}.end`,
    };
  }
  if (daysBetween(start, end) + 1 > MAX_COMPANY_HOLIDAY_DAYS) {
    return {
      code: 'holiday_too_long',
      message: `Holiday ${index + 1}: a range may span at most ${MAX_COMPANY_HOLIDAY_DAYS} days; split longer closures.`,
      parameter: `${at}.end`,
    };
  }
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (name === '') {
    return {
      code: 'name_required',
      message: `Holiday ${index + 1}: give it a name (for example "New Year").`,
      parameter: `${at}.name`,
    };
  }
  if (name.length > MAX_COMPANY_HOLIDAY_NAME) {
    return {
      code: 'name_too_long',
      message: `Holiday ${index + 1}: the name may have at most ${MAX_COMPANY_HOLIDAY_NAME} characters.`,
      parameter: `${at}.name`,
    };
  }
  return { start, end, name };
}

/** The ranges sorted by first day, or the first problem found. */
export function checkCompanyHolidays(entries: readonly unknown[]): CompanyHolidayCheck {
  if (entries.length > MAX_COMPANY_HOLIDAYS) {
    return {
      problem: {
        code: 'too_many_holidays',
        message: `At most ${MAX_COMPANY_HOLIDAYS} company holidays can be kept; remove past ones first (${entries.length} sent).`,
        parameter: 'holidays',
      },
    };
  }
  const holidays: CompanyHoliday[] = [];
  for (const [index, entry] of entries.entries()) {
    const checked = checkOne(entry, index);
    if ('code' in checked) return { problem: checked };
    holidays.push(checked);
  }
  holidays.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1));
  return { holidays };
}
