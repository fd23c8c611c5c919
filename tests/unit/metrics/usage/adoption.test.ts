import { describe, expect, it } from 'vitest';
import type { BoardColumnRecord, TeamIterationRecord } from '../../../../service/src/domain/records.ts';
import {
  adoptionChecks,
  suppressSmall,
  type AdoptionCheckId,
  type AdoptionInput,
} from '../../../../service/src/metrics/usage/index.ts';
import { currentSprintDaysOff } from '../../../../service/src/metrics/usage/currentSprintDaysOff.ts';

const NOW = Date.parse('2026-06-10T00:00:00Z');
const column = (
  position: number,
  columnType: BoardColumnRecord['columnType'],
  itemLimit: number,
): BoardColumnRecord => ({
  board: 'Stories',
  position,
  id: `c${position}`,
  name: `Column ${position}`,
  columnType,
  itemLimit,
  stateMappings: {},
});
const sprint = (index: number, startDay: string | null, finishDay: string | null): TeamIterationRecord => ({
  id: `s${index}`,
  name: `Sprint ${index}`,
  path: `P\\Sprint ${index}`,
  startDay,
  finishDay,
});

function input(overrides: Partial<AdoptionInput> = {}): AdoptionInput {
  return {
    boardColumns: [
      column(0, 'incoming', 0),
      column(1, 'inProgress', 5),
      column(2, 'inProgress', 3),
      column(3, 'outgoing', 0),
    ],
    iterations: [sprint(1, '2026-05-04', '2026-05-15'), sprint(2, '2026-05-18', '2026-05-29')],
    finishedItems: 40,
    finishedWithoutStart: 2,
    pullRequests: { total: 50, linkedToWorkItem: 45 },
    productionMarked: true,
    workingCalendar: {
      workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      currentSprintDaysOff: 1,
    },
    lastHookDeliveryAt: NOW - 86_400_000,
    hooksSubscribed: true,
    now: NOW,
    ...overrides,
  };
}

const statusOf = (value: AdoptionInput, id: AdoptionCheckId) =>
  adoptionChecks(value).find((check) => check.id === id);

describe('counts under five', () => {
  it.each([
    [0, { count: 0, fewerThanFive: false }],
    [1, { count: null, fewerThanFive: true }],
    [4, { count: null, fewerThanFive: true }],
    [5, { count: 5, fewerThanFive: false }],
    [120, { count: 120, fewerThanFive: false }],
  ])('%i', (count, expected) => {
    expect(suppressSmall(count)).toEqual(expected);
  });
});

describe('how a team uses Azure DevOps', () => {
  it('a well set-up team has no gap', () => {
    expect(adoptionChecks(input()).map((check) => [check.id, check.status])).toEqual([
      ['wipLimits', 'ok'],
      ['sprintCadence', 'ok'],
      ['workingCalendar', 'ok'],
      ['inProgressStates', 'ok'],
      ['pullRequestLinks', 'ok'],
      ['productionMark', 'ok'],
      ['serviceHooks', 'ok'],
    ]);
  });

  it.each<[string, Partial<AdoptionInput>, AdoptionCheckId, string, number | undefined]>([
    [
      'an in-progress column without a WIP limit',
      { boardColumns: [column(1, 'inProgress', 5), column(2, 'inProgress', 0)] },
      'wipLimits',
      'gap',
      50,
    ],
    ['no board synced yet', { boardColumns: [] }, 'wipLimits', 'unknown', undefined],
    [
      'sprints of 2 and 3 weeks',
      { iterations: [sprint(1, '2026-05-04', '2026-05-15'), sprint(2, '2026-05-18', '2026-06-05')] },
      'sprintCadence',
      'gap',
      12,
    ],
    ['sprints without dates', { iterations: [sprint(1, null, null)] }, 'sprintCadence', 'gap', 0],
    [
      'a fifth of items closed without being in progress',
      { finishedWithoutStart: 8 },
      'inProgressStates',
      'gap',
      80,
    ],
    [
      'pull requests rarely linked',
      { pullRequests: { total: 50, linkedToWorkItem: 20 } },
      'pullRequestLinks',
      'gap',
      40,
    ],
    [
      'just under four in five linked',
      { pullRequests: { total: 20, linkedToWorkItem: 15 } },
      'pullRequestLinks',
      'gap',
      75,
    ],
    [
      'four in five linked',
      { pullRequests: { total: 20, linkedToWorkItem: 16 } },
      'pullRequestLinks',
      'ok',
      80,
    ],
    [
      'five pull requests, all linked',
      { pullRequests: { total: 5, linkedToWorkItem: 5 } },
      'pullRequestLinks',
      'ok',
      100,
    ],
    [
      'four pull requests are too few to judge',
      { pullRequests: { total: 4, linkedToWorkItem: 0 } },
      'pullRequestLinks',
      'unknown',
      undefined,
    ],
    ['no pull request details read', { pullRequests: undefined }, 'pullRequestLinks', 'unknown', undefined],
    [
      'no working day ticked',
      { workingCalendar: { workingDays: [], currentSprintDaysOff: 1 } },
      'workingCalendar',
      'gap',
      1,
    ],
    [
      'no day off entered for the current sprint',
      { workingCalendar: { workingDays: ['monday'], currentSprintDaysOff: 0 } },
      'workingCalendar',
      'gap',
      0,
    ],
    [
      'team settings not read yet',
      { workingCalendar: { workingDays: undefined, currentSprintDaysOff: 1 } },
      'workingCalendar',
      'unknown',
      undefined,
    ],
    [
      'no current sprint',
      { workingCalendar: { workingDays: ['monday'], currentSprintDaysOff: undefined } },
      'workingCalendar',
      'unknown',
      undefined,
    ],
    ['no production mark', { productionMarked: false }, 'productionMark', 'gap', undefined],
    ['hooks not subscribed', { hooksSubscribed: false }, 'serviceHooks', 'gap', undefined],
    ['no hook delivery for 9 days', { lastHookDeliveryAt: NOW - 9 * 86_400_000 }, 'serviceHooks', 'gap', 9],
  ])('%s', (_name, overrides, id, status, figure) => {
    const found = statusOf(input(overrides), id);
    expect(found?.status).toBe(status);
    expect(found?.figure).toBe(figure);
    expect(found?.fix.length).toBeGreaterThan(20);
  });
});

describe('days off recorded for the current sprint', () => {
  const sprints = [sprint(1, '2026-12-14', '2026-12-25'), sprint(2, '2026-12-28', '2027-01-08')];
  const daysOff = [
    { iterationId: 'S2', start: '2026-12-28', end: '2026-12-30' },
    { iterationId: 's2', start: '2027-01-04', end: '2027-01-04' },
    { iterationId: 's1', start: '2026-12-24', end: '2026-12-24' },
  ];
  it.each<[string, string, number | undefined]>([
    ['in the first sprint', '2026-12-20', 1],
    ['in the second sprint (ids compare case-insensitively)', '2026-12-28', 4],
    ['on the last day of a sprint', '2027-01-08', 4],
    ['after every sprint', '2027-01-09', undefined],
  ])('%s', (_, today, expected) => {
    expect(currentSprintDaysOff(sprints, daysOff, today)).toBe(expected);
  });

  it('is 0 when the current sprint has none', () => {
    expect(currentSprintDaysOff(sprints, [], '2026-12-20')).toBe(0);
  });
});
