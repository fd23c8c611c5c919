import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../service/src/simulator/engine/scheduler.ts';
import { createRandom } from '../../../service/src/simulator/model/random.ts';
import {
  addWorkingTime,
  isWorkingTime,
  nextWorkingTime,
} from '../../../service/src/simulator/delivery/timing.ts';

describe('scheduler', () => {
  it('runs events in time order, ties in scheduling order, and never before the current event', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    const random = createRandom(4);
    const times = Array.from({ length: 500 }, () => random.int(0, 100));
    times.forEach((time, index) => scheduler.at(time, () => ran.push(`${time}:${index}`)));
    scheduler.at(50, () => scheduler.at(10, () => ran.push('late')));
    scheduler.runUntil(1000);
    const expected = times
      .map((time, index) => ({ time, index }))
      .sort((a, b) => a.time - b.time || a.index - b.index);
    const withoutLate = ran.filter((entry) => entry !== 'late');
    expect(withoutLate).toEqual(expected.map(({ time, index }) => `${time}:${index}`));
    const lateAt = ran.indexOf('late');
    expect(ran.slice(0, lateAt).every((entry) => Number(entry.split(':')[0]) <= 50)).toBe(true);
  });

  it('gives the same result whatever steps the clock moves in', () => {
    const run = (steps: number[]): number[] => {
      const scheduler = new Scheduler();
      const seen: number[] = [];
      const tick = (at: number): void => {
        seen.push(at);
        if (at < 1000) scheduler.at(at + 7, () => tick(at + 7));
      };
      scheduler.at(0, () => tick(0));
      for (const step of steps) scheduler.runUntil(step);
      return seen;
    };
    expect(run([1000])).toEqual(run([3, 100, 101, 500, 999, 1000]));
  });
});

describe('working time (09:00–18:00 Japan time, weekdays)', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['2026-06-01T00:00:00Z', true],
    ['2026-06-01T08:59:59Z', true],
    ['2026-06-01T09:00:00Z', false],
    ['2026-05-30T03:00:00Z', false],
    ['2026-05-31T16:00:00Z', false],
  ])('%s working: %s', (iso, working) => {
    expect(isWorkingTime(at(iso))).toBe(working);
  });

  it('moves outside hours to the next start and adds working time across nights and weekends', () => {
    expect(new Date(nextWorkingTime(at('2026-05-29T12:00:00Z'))).toISOString()).toBe(
      '2026-06-01T00:00:00.000Z',
    );
    expect(new Date(addWorkingTime(at('2026-05-29T08:00:00Z'), 2 * 3_600_000)).toISOString()).toBe(
      '2026-06-01T01:00:00.000Z',
    );
  });
});
