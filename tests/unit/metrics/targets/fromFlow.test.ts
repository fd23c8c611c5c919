import { describe, expect, it } from 'vitest';
import { prepareFlow } from '../../../../service/src/metrics/flow/prepare.ts';
import {
  evaluateTargets,
  evaluationDay,
  sprintDayFromFlow,
  type WorkingCalendar,
} from '../../../../service/src/metrics/targets/index.ts';
import { flowItem, workflow } from '../flow/fixtures.ts';

const UTC: WorkingCalendar = {
  workingWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  holidayCalendar: 'none',
  teamDaysOff: [],
  companyHolidays: [],
};

/** Sprint Mon 1 – Fri 12 June 2026, evaluated on Wed 10 June (data through the end of 9 June). */
const flow = prepareFlow(
  [
    // Finished before the sprint: history only (cycle times 3 and 5 days).
    flowItem({
      id: 1,
      history: [
        ['2026-05-01T09:00:00Z', 'New'],
        ['2026-05-04T09:00:00Z', 'Active'],
        ['2026-05-06T09:00:00Z', 'Closed'],
      ],
    }),
    flowItem({
      id: 2,
      history: [
        ['2026-05-01T09:00:00Z', 'New'],
        ['2026-05-11T09:00:00Z', 'Active'],
        ['2026-05-15T09:00:00Z', 'Closed'],
      ],
    }),
    // Finished in the sprint: 2 June → 4 June, cycle time 3.
    flowItem({
      id: 3,
      history: [
        ['2026-05-20T09:00:00Z', 'New'],
        ['2026-06-02T09:00:00Z', 'Active'],
        ['2026-06-04T09:00:00Z', 'Closed'],
      ],
    }),
    // In progress since 5 June: age 6 on 10 June.
    flowItem({
      id: 4,
      history: [
        ['2026-05-20T09:00:00Z', 'New'],
        ['2026-06-05T09:00:00Z', 'Active'],
      ],
    }),
    // Not started, but a goal item.
    flowItem({ id: 5, history: [['2026-05-20T09:00:00Z', 'New']] }),
    // Not started and not named: outside the sprint.
    flowItem({ id: 6, history: [['2026-05-20T09:00:00Z', 'New']] }),
    // Finished today (10 June): not yet counted, the day has not ended.
    flowItem({
      id: 7,
      history: [
        ['2026-05-20T09:00:00Z', 'New'],
        ['2026-06-08T09:00:00Z', 'Active'],
        ['2026-06-10T01:00:00Z', 'Closed'],
      ],
    }),
  ],
  workflow,
  { timeZone: 'UTC' },
);

describe('a sprint day from the team flow', () => {
  const day = sprintDayFromFlow(flow, {
    firstDay: '2026-06-01',
    lastDay: '2026-06-12',
    today: '2026-06-10',
    calendar: UTC,
    goalItemIds: [4, 5, 99],
    lookbackDays: 60,
  });

  it('takes the items finished in the sprint, in progress now, and the named goal items', () => {
    expect(
      day.items.map((item) => [
        item.itemId,
        item.state,
        item.goal,
        item.ageDays ?? item.cycleTimeDays ?? null,
      ]),
    ).toEqual([
      [3, 'done', false, 3],
      [4, 'inProgress', true, 6],
      [5, 'notStarted', true, null],
      [7, 'inProgress', false, 3],
      [99, 'notStarted', true, null],
    ]);
  });

  it('reads history up to yesterday, on working days only', () => {
    expect([...day.history.cycleTimesDays].sort((a, b) => a - b)).toEqual([3, 3, 5]);
    // The 60 days from Sat 11 April to Tue 9 June hold 42 working days (Monday to Friday).
    expect(day.history.dailyThroughput).toHaveLength(42);
    expect(day.history.dailyThroughput.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(day.wipNow).toBe(2);
    expect(day.highestWipSoFar).toBe(2);
  });

  it('feeds the engine: items finished so far, the goal not reachable without 99 in the team’s flow', () => {
    const [finished, goal] = evaluateTargets(
      day,
      [{ kind: 'itemsFinished', atLeast: 1 }, { kind: 'goalItemsDone' }],
      {
        seedKey: 'team',
      },
    );
    expect(finished).toMatchObject({ current: 1, metNow: true, probability: 1 });
    expect(goal).toMatchObject({ current: 0, metNow: false, itemCount: 3 });
  });

  it('judges a finished sprint on the day after its last day', () => {
    expect(evaluationDay('2026-06-20', '2026-06-12')).toBe('2026-06-13');
    expect(evaluationDay('2026-06-10', '2026-06-12')).toBe('2026-06-10');
  });
});
