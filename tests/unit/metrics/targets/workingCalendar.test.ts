import { describe, expect, it } from 'vitest';
import {
  japaneseHolidayName,
  nonWorkingReason,
  remainingWorkingDays,
  weekdayOf,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../../../service/src/metrics/targets/index.ts';

const JAPAN: WorkingCalendar = {
  workingWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  holidayCalendar: 'japan',
  teamDaysOff: [],
  companyHolidays: [],
};
const UTC_TEAM: WorkingCalendar = { ...JAPAN, holidayCalendar: 'none' };

describe('working calendar', () => {
  it.each([
    ['2026-04-27', 'monday'],
    ['2026-05-03', 'sunday'],
    ['1970-01-01', 'thursday'],
    ['2024-02-29', 'thursday'],
  ])('%s is a %s', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });

  it.each<[string, WorkingCalendar, string, string, string[]]>([
    [
      'a sprint spanning Golden Week in Japan',
      JAPAN,
      '2026-04-27',
      '2026-05-08',
      ['2026-04-27', '2026-04-28', '2026-04-30', '2026-05-01', '2026-05-07', '2026-05-08'],
    ],
    [
      'the same sprint for a team in UTC without Japanese holidays',
      UTC_TEAM,
      '2026-04-27',
      '2026-05-08',
      [
        '2026-04-27',
        '2026-04-28',
        '2026-04-29',
        '2026-04-30',
        '2026-05-01',
        '2026-05-04',
        '2026-05-05',
        '2026-05-06',
        '2026-05-07',
        '2026-05-08',
      ],
    ],
    [
      'company holidays 29 Dec – 3 Jan over New Year',
      { ...JAPAN, companyHolidays: [{ start: '2026-12-29', end: '2027-01-03' }] },
      '2026-12-28',
      '2027-01-08',
      ['2026-12-28', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
    ],
    [
      'team days off from capacity',
      { ...UTC_TEAM, teamDaysOff: [{ start: '2026-06-03', end: '2026-06-04' }] },
      '2026-06-01',
      '2026-06-05',
      ['2026-06-01', '2026-06-02', '2026-06-05'],
    ],
    [
      'a Sunday-to-Thursday working week',
      { ...UTC_TEAM, workingWeekdays: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'] },
      '2026-06-05',
      '2026-06-09',
      ['2026-06-07', '2026-06-08', '2026-06-09'],
    ],
    [
      'a team with no working days set gets Azure DevOps’s Monday to Friday',
      { ...UTC_TEAM, workingWeekdays: [] },
      '2026-06-05',
      '2026-06-08',
      ['2026-06-05', '2026-06-08'],
    ],
    ['an empty range', JAPAN, '2026-06-05', '2026-06-04', []],
  ])('%s', (_name, calendar, first, last, expected) => {
    expect(workingDaysBetween(first, last, calendar)).toEqual(expected);
  });

  it.each<[string, WorkingCalendar, string | undefined]>([
    ['2026-05-06', JAPAN, 'nationalHoliday'],
    ['2026-05-06', UTC_TEAM, undefined],
    ['2026-05-09', JAPAN, 'weekend'],
    [
      '2026-12-30',
      { ...JAPAN, companyHolidays: [{ start: '2026-12-29', end: '2027-01-03' }] },
      'companyHoliday',
    ],
    ['2026-06-03', { ...JAPAN, teamDaysOff: [{ start: '2026-06-03', end: '2026-06-03' }] }, 'teamDayOff'],
  ])('%s is %s', (day, calendar, reason) => {
    expect(nonWorkingReason(day, calendar)).toBe(reason);
  });

  it('names the holiday in Japanese and English', () => {
    expect(japaneseHolidayName('2026-05-05')).toEqual({ ja: 'こどもの日', en: "Children's Day" });
    expect(japaneseHolidayName('2026-05-07')).toBeUndefined();
  });

  it('counts today as remaining while the sprint lasts, and nothing after it', () => {
    expect(remainingWorkingDays('2026-05-07', '2026-05-08', JAPAN)).toBe(2);
    expect(remainingWorkingDays('2026-05-02', '2026-05-06', JAPAN)).toBe(0);
    expect(remainingWorkingDays('2026-05-09', '2026-05-08', JAPAN)).toBe(0);
  });
});
