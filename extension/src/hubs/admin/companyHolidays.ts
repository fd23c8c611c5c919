/** What the company-holiday section computes: the year-end suggestion and editing the list. */
import type { CompanyHoliday } from '../../../../service/src/contract/calendar/workingCalendar.ts';

/**
 * The next 年末年始 closure (29 Dec – 3 Jan) on or after `today`: this winter's until 3 January has
 * passed, else the coming one.
 */
export function newYearSuggestion(today: string, name: string): CompanyHoliday {
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5) <= '01-03' ? year - 1 : year;
  return { start: `${startYear}-12-29`, end: `${startYear + 1}-01-03`, name };
}

export function sameRange(a: CompanyHoliday, b: CompanyHoliday): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The list with `holiday` added (in first-day order), unless the same range is already there. */
export function withHoliday(list: readonly CompanyHoliday[], holiday: CompanyHoliday): CompanyHoliday[] {
  if (list.some((entry) => sameRange(entry, holiday))) return [...list];
  return [...list, holiday].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export function withoutHoliday(list: readonly CompanyHoliday[], index: number): CompanyHoliday[] {
  return list.filter((_, position) => position !== index);
}

/** The holiday number a refused list names (`holidays.2.end` → 3), for the message. */
export function holidayNumberOf(parameter: string | undefined): number | undefined {
  const match = /^holidays\.(\d+)\./.exec(parameter ?? '');
  return match === null ? undefined : Number(match[1]) + 1;
}
