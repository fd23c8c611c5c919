import { describe, expect, it } from 'vitest';
import { sprint } from '../../../service/src/simulator/legacy/layout.ts';
import {
  carriedIterationFor,
  openSprintAt,
  plannedIterationFor,
  sprintTakingWorkAt,
} from '../../../service/src/simulator/model/sprintPlanning.ts';

const DAY = 86_400_000;
const FIRST = Date.parse('2026-11-23T00:00:00Z');
// Sprint 1: Monday 23 November – Friday 4 December; Sprint 2: 7–18 December; Sprint 3: 21 December – 1 January.
const SPRINTS = [1, 2, 3].map((n) => sprint(`id-${n}`, 'P', n, FIRST + (n - 1) * 14 * DAY));
const at = (text: string) => new Date(text);

describe('sprint planning of the first simulator’s team', () => {
  it.each([
    ['2026-11-23T00:00:00Z', 'P\\Sprint 1', 'a sprint’s first day: joins it (added)'],
    ['2026-11-24T08:59:00Z', 'P\\Sprint 1', 'its second day: still joins it'],
    ['2026-11-25T00:00:00Z', 'P\\Sprint 2', 'its third day: planned into the next'],
    ['2026-12-03T23:59:59Z', 'P\\Sprint 2', 'the day before its last: planned into the next'],
    ['2026-12-04T03:00:00Z', 'P\\Sprint 2', 'its last working day (finishDate): planned into the next'],
    ['2026-12-05T03:00:00Z', 'P\\Sprint 2', 'the weekend after it: planned into the next'],
    ['2026-12-07T03:00:00Z', 'P\\Sprint 2', 'the next sprint’s first day: joins it'],
    ['2026-12-16T03:00:00Z', 'P\\Sprint 3', 'the last sprint’s successor exists'],
    ['2026-12-23T03:00:00Z', 'P\\Sprint 3', 'beyond the calendar: the last sprint'],
    ['2027-03-01T03:00:00Z', 'P\\Sprint 3', 'far beyond the calendar: the last sprint'],
  ])('work written at %s goes to %s (%s)', (time, path) => {
    expect(plannedIterationFor(SPRINTS, at(time), 'P')).toBe(path);
  });

  it('falls back to the given path when there are no sprints', () => {
    expect(plannedIterationFor([], at('2026-11-23T00:00:00Z'), 'P')).toBe('P');
  });

  it.each([
    ['2026-12-04T23:59:59Z', 'P\\Sprint 1'],
    ['2026-12-05T00:00:00Z', 'P\\Sprint 2'],
    ['2026-12-18T12:00:00Z', 'P\\Sprint 2'],
    ['2026-12-19T00:00:00Z', 'P\\Sprint 3'],
  ])('the sprint open at %s is %s', (time, path) => {
    expect(openSprintAt(SPRINTS, at(time).getTime())?.path).toBe(path);
  });

  it.each([
    ['2026-11-23T00:00:00Z', 'P\\Sprint 1'],
    ['2026-12-03T23:59:59Z', 'P\\Sprint 1'],
    ['2026-12-04T00:00:00Z', 'P\\Sprint 2'],
    ['2026-12-06T12:00:00Z', 'P\\Sprint 2'],
    ['2026-12-31T12:00:00Z', 'P\\Sprint 3'],
  ])('work pulled in (engine) at %s joins %s', (time, path) => {
    expect(sprintTakingWorkAt(SPRINTS, at(time).getTime())?.path).toBe(path);
  });

  it('leaves work pulled in beyond the calendar on the backlog', () => {
    expect(sprintTakingWorkAt(SPRINTS, at('2027-03-01T00:00:00Z').getTime())).toBeUndefined();
  });

  it.each<[string, string, boolean, string | undefined, string]>([
    ['P\\Sprint 1', '2026-12-04T12:00:00Z', true, undefined, 'its last day is not over: stays'],
    ['P\\Sprint 1', '2026-12-05T00:00:00Z', true, 'P\\Sprint 2', 'the weekend after: before the next starts'],
    ['P\\Sprint 1', '2026-12-09T00:00:00Z', true, 'P\\Sprint 2', 'touched in the next sprint'],
    ['P\\Sprint 1', '2026-12-09T00:00:00Z', false, undefined, 'finished work stays where it was done'],
    ['P\\Sprint 1', '2026-12-22T00:00:00Z', true, 'P\\Sprint 3', 'untouched for a sprint: to the open one'],
    ['P\\Sprint 2', '2026-12-09T00:00:00Z', true, undefined, 'its sprint is running: stays'],
    ['P', '2026-12-09T00:00:00Z', true, undefined, 'the backlog is no sprint: stays'],
    ['P\\Sprint 3', '2027-03-01T00:00:00Z', true, undefined, 'no sprint beyond the calendar: stays'],
  ])('an item in %s changed at %s (unfinished: %s) goes to %s: %s', (path, time, unfinished, expected) => {
    expect(carriedIterationFor(SPRINTS, path, at(time), unfinished)).toBe(expected);
  });
});
