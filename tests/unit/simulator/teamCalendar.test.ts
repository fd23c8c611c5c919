import { describe, expect, it } from 'vitest';
import { teamDaysOffOf, workingDaysOf } from '../../../service/src/simulator/model/teamCalendar.ts';

const sprint = (start: string, finish: string) => ({
  id: 's',
  name: 's',
  path: 's',
  startDate: new Date(`${start}T00:00:00Z`),
  finishDate: new Date(`${finish}T00:00:00Z`),
});
const iso = (ranges: { start: Date; end: Date }[]) =>
  ranges.map((range) => [range.start.toISOString().slice(0, 10), range.end.toISOString().slice(0, 10)]);

describe('simulated team days off (28–30 December, inside the sprint)', () => {
  it.each<[string, string, string, string[][]]>([
    ['a sprint holding them all', '2026-12-21', '2027-01-01', [['2026-12-28', '2026-12-30']]],
    ['a sprint ending on the 29th', '2026-12-16', '2026-12-29', [['2026-12-28', '2026-12-29']]],
    ['a sprint starting on the 30th', '2026-12-30', '2027-01-12', [['2026-12-30', '2026-12-30']]],
    ['a sprint in June', '2026-06-15', '2026-06-26', []],
    ['a sprint ending the day before', '2026-12-14', '2026-12-27', []],
  ])('%s', (_, start, finish, expected) => {
    expect(iso(teamDaysOffOf(sprint(start, finish)))).toEqual(expected);
  });
});

describe('simulated working weeks', () => {
  it.each([
    ['Web Team', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']],
    ['Compliance Team', ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday']],
  ])('%s works %j', (name, expected) => {
    expect(workingDaysOf({ name })).toEqual(expected);
  });
});
