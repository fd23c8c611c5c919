import { describe, expect, it } from 'vitest';
import type { NonWorkingDay } from '../../../../../service/src/contract/calendar/workingCalendar.ts';
import { calendarWeeks, weekdayOf } from '../../../../../extension/src/hubs/delivery/state/calendarGrid.ts';

describe('weekdayOf', () => {
  it.each([
    ['2026-12-07', 0],
    ['2026-12-12', 5],
    ['2026-12-13', 6],
    ['2024-02-29', 3],
  ])('%s is weekday %i (Monday = 0)', (day, expected) => {
    expect(weekdayOf(day)).toBe(expected);
  });
});

describe('calendarWeeks', () => {
  it('covers the range with whole Monday-to-Sunday weeks, padding days outside it', () => {
    const weeks = calendarWeeks('2026-12-02', '2026-12-14', [], []);
    expect(weeks.map((week) => week[0]?.day)).toEqual(['2026-11-30', '2026-12-07', '2026-12-14']);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]?.[0]?.inRange).toBe(false);
    expect(weeks[0]?.[2]?.inRange).toBe(true);
    expect(weeks[2]?.[0]?.inRange).toBe(true);
    expect(weeks[2]?.[1]?.inRange).toBe(false);
  });

  it('counts successes (with issues included) and failures per day; canceled attempts are neither', () => {
    const weeks = calendarWeeks(
      '2026-12-07',
      '2026-12-13',
      [
        { finishedOn: '2026-12-07', outcome: 'succeeded' },
        { finishedOn: '2026-12-07', outcome: 'succeededWithIssues' },
        { finishedOn: '2026-12-07', outcome: 'failed' },
        { finishedOn: '2026-12-08', outcome: 'canceled' },
        { finishedOn: '2026-12-20', outcome: 'succeeded' },
      ],
      [],
    );
    const days = weeks.flat();
    expect(days.find((day) => day.day === '2026-12-07')).toMatchObject({ succeeded: 2, failed: 1 });
    expect(days.find((day) => day.day === '2026-12-08')).toMatchObject({ succeeded: 0, failed: 0 });
    expect(days.reduce((sum, day) => sum + day.succeeded, 0)).toBe(2);
  });

  it.each<[string, NonWorkingDay[], string[], string[]]>([
    ['nothing off', [], [], []],
    [
      'a Monday–Friday week with a national holiday',
      [
        { day: '2026-12-09', reason: 'nationalHoliday', name: null },
        { day: '2026-12-12', reason: 'weekend', name: null },
        { day: '2026-12-13', reason: 'weekend', name: null },
      ],
      ['2026-12-12', '2026-12-13'],
      ['2026-12-09'],
    ],
    [
      'a Sunday–Thursday week: Friday and Saturday are its weekend',
      [
        { day: '2026-12-11', reason: 'weekend', name: null },
        { day: '2026-12-12', reason: 'weekend', name: null },
      ],
      ['2026-12-11', '2026-12-12'],
      [],
    ],
    [
      'a company holiday and a team day off',
      [
        { day: '2026-12-07', reason: 'teamDayOff', name: null },
        { day: '2026-12-08', reason: 'companyHoliday', name: 'Founding day' },
      ],
      [],
      ['2026-12-07', '2026-12-08'],
    ],
  ])('shades what the service says is not a working day: %s', (_, off, weekends, holidays) => {
    const days = calendarWeeks('2026-12-07', '2026-12-13', [], off).flat();
    expect(days.filter((day) => day.weekend).map((day) => day.day)).toEqual(weekends);
    expect(days.filter((day) => day.holiday).map((day) => day.day)).toEqual(holidays);
    for (const entry of off) {
      expect(days.find((day) => day.day === entry.day)?.off).toEqual({
        reason: entry.reason,
        name: entry.name,
      });
    }
    expect(days.filter((day) => day.off === null)).toHaveLength(7 - off.length);
  });

  it('leaves padding days outside the range unshaded', () => {
    const days = calendarWeeks(
      '2026-12-09',
      '2026-12-09',
      [],
      [{ day: '2026-12-12', reason: 'weekend', name: null }],
    ).flat();
    expect(days.find((day) => day.day === '2026-12-12')?.off).toBeNull();
  });

  it('ignores deployments on padding days outside the range', () => {
    const days = calendarWeeks(
      '2026-12-09',
      '2026-12-09',
      [{ finishedOn: '2026-12-07', outcome: 'failed' }],
      [{ day: '2026-12-07', reason: 'weekend', name: null }],
    ).flat();
    expect(days).toHaveLength(7);
    expect(days.reduce((sum, day) => sum + day.failed, 0)).toBe(0);
  });
});
