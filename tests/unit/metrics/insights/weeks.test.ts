import { describe, expect, it } from 'vitest';
import { weekStartOf, weekStartProblem } from '../../../../service/src/metrics/insights/weeks.ts';

describe('metrics/insights/weeks', () => {
  it.each([
    ['2026-12-07', '2026-12-07'], // a Monday is its own week's start
    ['2026-12-09', '2026-12-07'],
    ['2026-12-13', '2026-12-07'], // Sunday closes the week that began on Monday
    ['2027-01-01', '2026-12-28'], // across a year's end
    ['2028-03-01', '2028-02-28'], // across a leap day
  ])('the week of %s starts on %s', (day, start) => {
    expect(weekStartOf(day)).toBe(start);
  });

  it.each([
    // weekStart, team's today, problem
    ['2026-12-07', '2026-12-07', undefined], // this week, on its Monday
    ['2026-12-07', '2026-12-13', undefined], // this week, on its Sunday
    ['2026-11-30', '2026-12-09', undefined], // an earlier week
    ['2020-01-06', '2026-12-09', undefined], // long ago is still a week the team had
    ['2026-12-08', '2026-12-09', 'notAWeekStart'], // a Tuesday
    ['2026-12-13', '2026-12-13', 'notAWeekStart'], // a Sunday (weeks start on Monday)
    ['2026-12-14', '2026-12-13', 'inTheFuture'], // next week's Monday, the day before it starts
    ['2027-01-04', '2026-12-09', 'inTheFuture'],
    ['2026-02-30', '2026-12-09', 'notADate'],
    ['2026-13-01', '2026-12-09', 'notADate'],
    ['26-12-07', '2026-12-09', 'notADate'],
    ['', '2026-12-09', 'notADate'],
  ] as const)('weekStart %s on %s: %s', (weekStart, today, problem) => {
    expect(weekStartProblem(weekStart, today)).toBe(problem);
  });
});
