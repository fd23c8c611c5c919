import { describe, expect, it } from 'vitest';
import {
  evaluateTargets,
  type OutcomeTarget,
  type SprintDay,
  type SprintDelivery,
  type SprintItem,
  type TargetOutlook,
  type WorkingCalendar,
} from '../../../../service/src/metrics/targets/index.ts';

const JAPAN: WorkingCalendar = {
  workingWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  holidayCalendar: 'japan',
  teamDaysOff: [],
  companyHolidays: [],
};
const UTC_TEAM: WorkingCalendar = { ...JAPAN, holidayCalendar: 'none' };
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function item(itemId: number, overrides: Partial<SprintItem> = {}): SprintItem {
  return {
    itemId,
    goal: false,
    removed: false,
    state: 'notStarted',
    ageDays: undefined,
    cycleTimeDays: undefined,
    finishedOn: undefined,
    ...overrides,
  };
}
const inProgress = (itemId: number, ageDays: number, extra: Partial<SprintItem> = {}) =>
  item(itemId, { state: 'inProgress', ageDays, ...extra });
const done = (itemId: number, cycleTimeDays: number, extra: Partial<SprintItem> = {}) =>
  item(itemId, { state: 'done', cycleTimeDays, finishedOn: '2026-06-02', ...extra });

/** Sprint of Mon 1 – Fri 12 June 2026; deployments on 1–3 and 8–9 June: 3 days in week one, 2 in week two. */
const DEPLOYED = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-08', '2026-06-09'];

function delivery(overrides: {
  deploymentDays?: string[];
  deploymentsFailed?: boolean[];
  leadTimesHours?: number[];
  dailyDeployments?: number[];
  dailyChanges?: number[];
}): SprintDelivery {
  return {
    deploymentDays: overrides.deploymentDays ?? [],
    deploymentsFailed: overrides.deploymentsFailed ?? [],
    leadTimesHours: overrides.leadTimesHours ?? [],
    recoveryHours: [],
    history: {
      dailyDeployments: overrides.dailyDeployments ?? [1, 1, 1, 1, 1],
      dailyChanges: overrides.dailyChanges ?? [2, 2, 2, 2, 2],
      dailyRecoveries: [0, 0, 0, 0, 0],
      deploymentsFailed: [false, false, false, false, false],
      leadTimesHours: [5, 10, 20, 30, 40],
      recoveryHours: [],
    },
  };
}

function sprintDay(overrides: Partial<SprintDay> = {}): SprintDay {
  return {
    firstDay: '2026-06-01',
    lastDay: '2026-06-12',
    today: '2026-06-10',
    calendar: UTC_TEAM,
    items: [],
    history: {
      dailyThroughput: [1, 1, 1, 1, 1],
      cycleTimesDays: ONE_TO_TEN,
      dailyWipChange: [0, 0, 0, 0, 0],
    },
    wipNow: 3,
    highestWipSoFar: 3,
    delivery: undefined,
    ...overrides,
  };
}

function one(day: SprintDay, target: OutcomeTarget): TargetOutlook {
  const [outlook] = evaluateTargets(day, [target], { seedKey: 'team/sprint', trials: 2_000 });
  if (outlook === undefined) throw new Error('no outlook');
  return outlook;
}

type Case = [string, SprintDay, OutcomeTarget, Partial<TargetOutlook>];

describe('target outlooks', () => {
  it.each<Case>([
    // Golden Week: from Fri 1 May to Fri 8 May 2026 a Japanese team has 3 working days left, a UTC team 6.
    [
      'a sprint spanning Golden Week (Japan): 3 working days of 1 item cannot reach 5 more',
      sprintDay({ firstDay: '2026-04-27', lastDay: '2026-05-08', today: '2026-05-01', calendar: JAPAN }),
      { kind: 'itemsFinished', atLeast: 5 },
      { current: 0, metNow: false, probability: 0 },
    ],
    [
      'the same sprint for a team in UTC without Japanese holidays: 6 working days reach 5',
      sprintDay({ firstDay: '2026-04-27', lastDay: '2026-05-08', today: '2026-05-01', calendar: UTC_TEAM }),
      { kind: 'itemsFinished', atLeast: 5 },
      { current: 0, metNow: false, probability: 1 },
    ],
    [
      'items finished before a target was set mid-sprint count towards it',
      sprintDay({ items: [done(1, 2), done(2, 3), done(3, 4), inProgress(4, 1)] }),
      { kind: 'itemsFinished', atLeast: 3 },
      { current: 3, metNow: true, probability: 1 },
    ],
    [
      'zero remaining days: what stands now is the verdict',
      sprintDay({ today: '2026-06-13', items: [done(1, 2)] }),
      { kind: 'itemsFinished', atLeast: 2 },
      { current: 1, metNow: false, probability: 0 },
    ],
    [
      'an empty history gives no probability, and says why',
      sprintDay({
        history: { dailyThroughput: [], cycleTimesDays: [], dailyWipChange: [] },
      }),
      { kind: 'itemsFinished', atLeast: 2 },
      { probability: undefined, unavailable: 'noHistory', tooFewToJudge: true },
    ],
    [
      'a sprint whose goal items are removed cannot meet its goal',
      sprintDay({ items: [done(1, 2, { goal: true }), inProgress(2, 1, { goal: true, removed: true })] }),
      { kind: 'goalItemsDone' },
      { current: 1, metNow: false, probability: 0 },
    ],
    [
      'goal items: the chance each finishes in time given its age, multiplied',
      // Three calendar days left (10–12 June). An item aged 5 today has 4 days behind it: of the 6 past
      // items that took longer than 4 days, 3 took at most 7.
      sprintDay({ items: [inProgress(1, 5, { goal: true }), inProgress(2, 5, { goal: true })] }),
      { kind: 'goalItemsDone' },
      { current: 0, metNow: false, probability: 0.25 },
    ],
    [
      'no goal items chosen',
      sprintDay({ items: [inProgress(1, 4)] }),
      { kind: 'goalItemsDone' },
      { probability: undefined, unavailable: 'noGoalItems' },
    ],
    [
      'a service level met by every finished item, nothing left open',
      sprintDay({ items: [done(1, 2), done(2, 3), done(3, 5), done(4, 1), done(5, 4)] }),
      { kind: 'serviceLevel', percent: 85, withinDays: 5 },
      { current: 100, metNow: true, probability: 1, tooFewToJudge: false },
    ],
    [
      'p% within N days counts only items finished in the sprint, with a note under 5',
      sprintDay({ today: '2026-06-13', items: [done(1, 2), done(2, 3), item(3, { removed: true })] }),
      { kind: 'serviceLevel', percent: 85, withinDays: 5 },
      { current: 100, metNow: true, probability: 1, itemCount: 2, tooFewToJudge: true },
    ],
    [
      'items finished that were removed from the sprint do not count towards items finished',
      sprintDay({ today: '2026-06-13', items: [done(1, 2), done(2, 3, { removed: true })] }),
      { kind: 'itemsFinished', atLeast: 2 },
      { current: 1, metNow: false, probability: 0 },
    ],
    [
      'age guard 8 days: an item aged 11 today (13 at the end) finishes in time in 3 of 10 cases',
      sprintDay({
        history: {
          dailyThroughput: [1],
          cycleTimesDays: Array.from({ length: 20 }, (_, i) => i + 1),
          dailyWipChange: [0],
        },
        items: [inProgress(1, 11), inProgress(2, 1)],
      }),
      { kind: 'noItemOlderThan', days: 8 },
      { current: 13, metNow: false, probability: 0.3 },
    ],
    [
      'age guard 8 days when no item can pass it by the last day (aged 6 today, 8 at the end)',
      sprintDay({ items: [inProgress(1, 2), inProgress(2, 6)] }),
      { kind: 'noItemOlderThan', days: 8 },
      { current: 8, metNow: true, probability: 1 },
    ],
    [
      'a WIP ceiling already broken is missed',
      sprintDay({ highestWipSoFar: 6 }),
      { kind: 'wipCeiling', atMost: 5 },
      { metNow: false, probability: 0 },
    ],
    [
      'a WIP ceiling with WIP rising every day is broken before the end',
      sprintDay({
        history: { dailyThroughput: [1], cycleTimesDays: [1], dailyWipChange: [1] },
      }),
      { kind: 'wipCeiling', atMost: 4 },
      { metNow: true, probability: 0 },
    ],
    [
      'a WIP ceiling with steady WIP holds',
      sprintDay(),
      { kind: 'wipCeiling', atMost: 4 },
      { metNow: true, probability: 1 },
    ],
    [
      'deployment days per week: the median of the calendar weeks (3 and 2) meets 2 already',
      sprintDay({ delivery: delivery({ deploymentDays: DEPLOYED }) }),
      { kind: 'deploymentDaysPerWeek', atLeast: 2 },
      { current: 2, metNow: true, probability: 1 },
    ],
    [
      'deployment days per week: 3 needs the rest of the second week, which a daily deployer makes',
      sprintDay({ delivery: delivery({ deploymentDays: DEPLOYED }) }),
      { kind: 'deploymentDaysPerWeek', atLeast: 3 },
      { current: 2, metNow: false, probability: 1 },
    ],
    [
      'deployment days per week: a team that has not deployed on its past working days will not',
      sprintDay({ delivery: delivery({ deploymentDays: DEPLOYED, dailyDeployments: [0, 0, 0] }) }),
      { kind: 'deploymentDaysPerWeek', atLeast: 3 },
      { probability: 0 },
    ],
    [
      'deployment days without delivery data',
      sprintDay(),
      { kind: 'deploymentDaysPerWeek', atLeast: 2 },
      { probability: undefined, unavailable: 'noDeliveryData' },
    ],
    [
      'change failure rate: 1 of 4 failed so far, three more healthy deployments bring it to 1 of 7',
      sprintDay({ delivery: delivery({ deploymentsFailed: [false, false, false, true] }) }),
      { kind: 'changeFailureRate', atMostPercent: 20 },
      { current: 25, metNow: false, probability: 1 },
    ],
    [
      'median lead time for changes already within 24 hours, nothing more to come',
      sprintDay({ delivery: delivery({ leadTimesHours: [10, 50], dailyChanges: [0] }) }),
      { kind: 'leadTimeForChanges', medianAtMostHours: 24 },
      { current: 10, metNow: true, probability: 1 },
    ],
    [
      'recovery time: no incident to recover from is met',
      sprintDay({ delivery: delivery({}) }),
      { kind: 'recoveryTime', medianAtMostHours: 4 },
      { current: 0, metNow: true, probability: 1 },
    ],
  ])('%s', (_name, day, target, expected) => {
    expect(one(day, target)).toMatchObject(expected);
  });

  it('gives a probability strictly between 0 and 1 when the outcome is uncertain', () => {
    const day = sprintDay({ history: { ...sprintDay().history, dailyThroughput: [0, 0, 1, 2, 3] } });
    const { probability } = one(day, { kind: 'itemsFinished', atLeast: 4 });
    expect(probability).toBeGreaterThan(0.1);
    expect(probability).toBeLessThan(0.9);
  });

  it('is stable for a day and seeded by team, sprint and day', () => {
    const day = sprintDay({
      history: { ...sprintDay().history, dailyThroughput: [0, 0, 1, 2, 3] },
      items: [inProgress(1, 4), inProgress(2, 8)],
    });
    const targets: OutcomeTarget[] = [
      { kind: 'itemsFinished', atLeast: 4 },
      { kind: 'serviceLevel', percent: 50, withinDays: 7 },
    ];
    const first = evaluateTargets(day, targets, { seedKey: 'a' });
    expect(evaluateTargets(day, targets, { seedKey: 'a' })).toEqual(first);
    expect(evaluateTargets({ ...day, today: '2026-06-11' }, targets, { seedKey: 'a' })).not.toEqual(first);
  });

  it('names first the goal items least likely to finish in time', () => {
    const outlook = one(
      sprintDay({
        items: [
          inProgress(1, 1, { goal: true }),
          inProgress(2, 9, { goal: true }),
          inProgress(3, 6, { goal: true }),
        ],
      }),
      { kind: 'goalItemsDone' },
    );
    // Past items took 1–10 days, 3 days are left: an item started today finishes in time in 3 of 10 cases,
    // one with 5 days behind it in 3 of 5, one with 8 days behind it surely (so it is no lever).
    expect(outlook.levers.map((lever) => lever.itemId)).toEqual([1, 3]);
    expect(outlook.levers.map((lever) => lever.chanceInTime)).toEqual([3 / 10, 3 / 5]);
  });
});
