/**
 * Evaluating every target of 200 teams for one day (issue: under 1 s). Each team has a 10-working-day
 * sprint spanning Golden Week, 40 items (goal items among them), 60 days of history and eight targets.
 * Run: node --import tsx bench/targets/index.ts
 */
import { pathToFileURL } from 'node:url';
import { createRandom, randomIndex } from '../../service/src/metrics/forecast/random.ts';
import {
  evaluateTargets,
  type OutcomeTarget,
  type SprintDay,
  type SprintItem,
} from '../../service/src/metrics/targets/index.ts';
import type { BenchRow } from '../flow/measure.ts';
import { medianMs, printRows } from '../flow/measure.ts';

const TEAMS = 200;
const TARGETS: OutcomeTarget[] = [
  { kind: 'goalItemsDone' },
  { kind: 'itemsFinished', atLeast: 25 },
  { kind: 'serviceLevel', percent: 85, withinDays: 8 },
  { kind: 'noItemOlderThan', days: 12 },
  { kind: 'wipCeiling', atMost: 14 },
  { kind: 'deploymentDaysPerWeek', atLeast: 3 },
  { kind: 'changeFailureRate', atMostPercent: 15 },
  { kind: 'leadTimeForChanges', medianAtMostHours: 48 },
];

function teamDay(team: number): SprintDay {
  const random = createRandom(team + 1);
  const items: SprintItem[] = Array.from({ length: 40 }, (_, index) => {
    const roll = random();
    const state = roll < 0.4 ? 'done' : roll < 0.8 ? 'inProgress' : 'notStarted';
    return {
      itemId: team * 1000 + index,
      goal: index < 6,
      removed: index === 39,
      state,
      ageDays: state === 'inProgress' ? randomIndex(random, 15) : undefined,
      cycleTimeDays: state === 'done' ? 1 + randomIndex(random, 14) : undefined,
      finishedOn: state === 'done' ? '2026-04-28' : undefined,
    };
  });
  return {
    firstDay: '2026-04-27',
    lastDay: '2026-05-15',
    today: '2026-05-07',
    calendar: {
      workingWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      holidayCalendar: 'japan',
      teamDaysOff: [],
      companyHolidays: [],
    },
    items,
    history: {
      dailyThroughput: Array.from({ length: 42 }, () => randomIndex(random, 5)),
      cycleTimesDays: Array.from({ length: 120 }, () => 1 + randomIndex(random, 20)),
      dailyWipChange: Array.from({ length: 42 }, () => randomIndex(random, 5) - 2),
    },
    wipNow: 10,
    highestWipSoFar: 12,
    delivery: {
      deploymentDays: ['2026-04-27', '2026-04-28', '2026-05-01'],
      deploymentsFailed: [false, false, true, false],
      leadTimesHours: [12, 30, 50, 8],
      recoveryHours: [3],
      history: {
        dailyDeployments: Array.from({ length: 42 }, () => randomIndex(random, 3)),
        dailyChanges: Array.from({ length: 42 }, () => randomIndex(random, 6)),
        dailyRecoveries: Array.from({ length: 42 }, () => (random() < 0.1 ? 1 : 0)),
        deploymentsFailed: Array.from({ length: 60 }, () => random() < 0.1),
        leadTimesHours: Array.from({ length: 150 }, () => 1 + randomIndex(random, 120)),
        recoveryHours: Array.from({ length: 8 }, () => 1 + randomIndex(random, 24)),
      },
    },
  };
}

export function benchTargets(): BenchRow[] {
  const days = Array.from({ length: TEAMS }, (_, team) => teamDay(team));
  const evaluateAll = () => {
    for (const [team, day] of days.entries()) evaluateTargets(day, TARGETS, { seedKey: `team-${team}` });
  };
  const perKind = TARGETS.map((target) => ({
    name: `targets: ${target.kind} for ${TEAMS} teams`,
    value: medianMs(
      () => {
        for (const [team, day] of days.entries()) evaluateTargets(day, [target], { seedKey: `team-${team}` });
      },
      3,
      1,
    ),
    unit: 'ms',
  }));
  return [
    {
      name: `targets: every target of ${TEAMS} teams for a day (${TARGETS.length} each)`,
      value: medianMs(evaluateAll, 5, 1),
      unit: 'ms',
      target: '< 1000 ms',
    },
    ...perKind,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(benchTargets());
