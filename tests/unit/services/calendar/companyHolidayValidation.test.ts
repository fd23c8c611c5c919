import { describe, expect, it } from 'vitest';
import {
  checkCompanyHolidays,
  isCalendarDay,
} from '../../../../service/src/services/calendar/companyHolidayValidation.ts';

const newYear = { start: '2026-12-29', end: '2027-01-03', name: 'New Year' };

describe('company holidays as an administrator sends them', () => {
  it.each([
    ['2026-12-29', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-05', false],
    ['29/12/2026', false],
    ['', false],
    [20261229, false],
    [null, false],
  ])('%s is a calendar day: %s', (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
  });

  it.each<[string, unknown[], string, string]>([
    ['a start that is no day', [{ ...newYear, start: '2026-12-32' }], 'invalid_day', 'holidays.0.start'],
    ['an end missing', [{ start: '2026-12-29', name: 'New Year' }], 'invalid_day', 'holidays.0.end'],
    ['a reversed range', [{ ...newYear, start: '2027-01-04' }], 'start_after_end', 'holidays.0.end'],
    ['a range of 32 days', [{ ...newYear, end: '2027-01-29' }], 'holiday_too_long', 'holidays.0.end'],
    ['no name', [{ ...newYear, name: '  ' }], 'name_required', 'holidays.0.name'],
    ['a name that is no text', [{ ...newYear, name: 7 }], 'name_required', 'holidays.0.name'],
    ['a name of 101 characters', [{ ...newYear, name: 'x'.repeat(101) }], 'name_too_long', 'holidays.0.name'],
    ['the second range wrong', [newYear, 'New Year'], 'invalid_day', 'holidays.1.start'],
    ['101 ranges', Array.from({ length: 101 }, () => newYear), 'too_many_holidays', 'holidays'],
  ])('refuses %s', (_, entries, code, parameter) => {
    const checked = checkCompanyHolidays(entries);
    expect('problem' in checked && checked.problem).toMatchObject({ code, parameter });
  });

  it('keeps valid ranges, trimmed and in order of their first day, up to 100 of them', () => {
    const founding = { start: '2026-06-01', end: '2026-06-01', name: ' Founding day ' };
    expect(checkCompanyHolidays([newYear, founding])).toEqual({
      holidays: [{ start: '2026-06-01', end: '2026-06-01', name: 'Founding day' }, newYear],
    });
    expect(checkCompanyHolidays(Array.from({ length: 100 }, () => newYear))).toMatchObject({
      holidays: { length: 100 },
    });
    expect(checkCompanyHolidays([])).toEqual({ holidays: [] });
  });
});
