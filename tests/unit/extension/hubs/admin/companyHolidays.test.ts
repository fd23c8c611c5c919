import { describe, expect, it } from 'vitest';
import {
  holidayNumberOf,
  newYearSuggestion,
  withHoliday,
  withoutHoliday,
} from '../../../../../extension/src/hubs/admin/companyHolidays.ts';

const founding = { start: '2026-06-01', end: '2026-06-01', name: 'Founding day' };
const newYear = { start: '2026-12-29', end: '2027-01-03', name: 'New Year' };

describe('company holidays in the admin hub', () => {
  it.each([
    ['early December', '2026-12-07', '2026-12-29', '2027-01-03'],
    ['on 29 December', '2026-12-29', '2026-12-29', '2027-01-03'],
    ['on 3 January, still this winter’s', '2027-01-03', '2026-12-29', '2027-01-03'],
    ['on 4 January, the next one', '2027-01-04', '2027-12-29', '2028-01-03'],
    ['in June', '2026-06-15', '2026-12-29', '2027-01-03'],
  ])('suggests New Year %s', (_, today, start, end) => {
    expect(newYearSuggestion(today, '年末年始')).toEqual({ start, end, name: '年末年始' });
  });

  it('adds in first-day order, never the same range twice, and removes by position', () => {
    expect(withHoliday([newYear], founding)).toEqual([founding, newYear]);
    expect(withHoliday([founding, newYear], { ...newYear, name: 'Again' })).toEqual([founding, newYear]);
    expect(withoutHoliday([founding, newYear], 0)).toEqual([newYear]);
  });

  it.each([
    ['holidays.0.start', 1],
    ['holidays.12.end', 13],
    ['holidays', undefined],
    [undefined, undefined],
  ])('names the holiday of %s', (parameter, expected) => {
    expect(holidayNumberOf(parameter)).toBe(expected);
  });
});
