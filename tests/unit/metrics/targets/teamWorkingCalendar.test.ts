import { describe, expect, it } from 'vitest';
import type {
  CompanyHolidayRecord,
  TeamCalendarRecord,
} from '../../../../service/src/domain/teamCalendar.ts';
import {
  effectiveHolidayCalendar,
  NO_TEAM_CALENDAR,
  nonWorkingDaysBetween,
  remainingWorkingDays,
  teamWorkingCalendar,
  type HolidayCalendar,
} from '../../../../service/src/metrics/targets/index.ts';

const NEW_YEAR: CompanyHolidayRecord = { start: '2026-12-29', end: '2027-01-03', name: 'New Year' };
const YEAR_END_OFF: TeamCalendarRecord = {
  workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  daysOff: [{ iterationId: 'sprint-26', start: '2026-12-28', end: '2026-12-28' }],
};
const SUNDAY_TO_THURSDAY: TeamCalendarRecord = {
  workingDays: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'],
  daysOff: [],
};

describe('a team working calendar from what Seika holds', () => {
  it.each<[string, HolidayCalendar | null, string, HolidayCalendar]>([
    ['no choice on Tokyo time', null, 'Asia/Tokyo', 'japan'],
    ['no choice elsewhere', null, 'Europe/Berlin', 'none'],
    ['none chosen on Tokyo time', 'none', 'Asia/Tokyo', 'none'],
    ['Japan chosen elsewhere', 'japan', 'UTC', 'japan'],
  ])('holiday calendar: %s', (_, chosen, zone, expected) => {
    expect(effectiveHolidayCalendar(chosen, zone)).toBe(expected);
  });

  it.each<
    [string, TeamCalendarRecord, readonly CompanyHolidayRecord[], HolidayCalendar, string, string, number]
  >([
    // Monday 21 to Friday 25 December 2026, nothing off: five days.
    ['nothing set (fallback Monday–Friday)', NO_TEAM_CALENDAR, [], 'none', '2026-12-21', '2026-12-25', 5],
    [
      'an empty weekday list is Azure DevOps’s default',
      { workingDays: [], daysOff: [] },
      [],
      'none',
      '2026-12-21',
      '2026-12-27',
      5,
    ],
    // Monday 28 December to Friday 8 January: 10 weekdays, 28 Dec off, 29 Dec – 1 Jan company holiday.
    ['team day off and company holidays', YEAR_END_OFF, [NEW_YEAR], 'none', '2026-12-28', '2027-01-08', 5],
    // The same with Japanese holidays: 1 January is both; nothing more is removed.
    ['plus the Japanese calendar', YEAR_END_OFF, [NEW_YEAR], 'japan', '2026-12-28', '2027-01-08', 5],
    // Japanese calendar without company holidays: 1 January (元日) only, plus the team's 28 Dec.
    ['Japanese holidays without company holidays', YEAR_END_OFF, [], 'japan', '2026-12-28', '2027-01-08', 8],
    // Sunday–Thursday: 20–26 December 2026 holds Sun 20 … Thu 24 = 5 days; Fri 25 and Sat 26 off.
    ['a Sunday–Thursday week', SUNDAY_TO_THURSDAY, [], 'none', '2026-12-20', '2026-12-26', 5],
    [
      'a Sunday–Thursday week over a weekend only',
      SUNDAY_TO_THURSDAY,
      [],
      'none',
      '2026-12-25',
      '2026-12-26',
      0,
    ],
    ['a range of one working day', NO_TEAM_CALENDAR, [], 'none', '2026-12-23', '2026-12-23', 1],
    ['a range ending before it starts', NO_TEAM_CALENDAR, [], 'none', '2026-12-23', '2026-12-22', 0],
  ])('%s', (_, team, holidays, calendar, first, last, expected) => {
    expect(remainingWorkingDays(first, last, teamWorkingCalendar(team, holidays, calendar))).toBe(expected);
  });

  it('names each non-working day’s reason, and a company holiday’s name', () => {
    const calendar = teamWorkingCalendar(YEAR_END_OFF, [NEW_YEAR], 'japan');
    expect(nonWorkingDaysBetween('2026-12-26', '2027-01-04', calendar, [NEW_YEAR])).toEqual([
      { day: '2026-12-26', reason: 'weekend', name: null },
      { day: '2026-12-27', reason: 'weekend', name: null },
      { day: '2026-12-28', reason: 'teamDayOff', name: null },
      { day: '2026-12-29', reason: 'companyHoliday', name: 'New Year' },
      { day: '2026-12-30', reason: 'companyHoliday', name: 'New Year' },
      { day: '2026-12-31', reason: 'companyHoliday', name: 'New Year' },
      // 元日 is a national holiday first: the reason follows the checking order.
      { day: '2027-01-01', reason: 'nationalHoliday', name: null },
      { day: '2027-01-02', reason: 'weekend', name: null },
      { day: '2027-01-03', reason: 'weekend', name: null },
    ]);
  });

  it('lists nothing for a range of working days', () => {
    const calendar = teamWorkingCalendar(NO_TEAM_CALENDAR, [], 'none');
    expect(nonWorkingDaysBetween('2026-12-21', '2026-12-25', calendar, [])).toEqual([]);
  });
});
