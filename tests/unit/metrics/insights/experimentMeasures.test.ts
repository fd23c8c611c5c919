import { describe, expect, it } from 'vitest';
import { INSIGHT_RULE_IDS } from '../../../../service/src/contract/insights/insights.ts';
import type { InsightInput } from '../../../../service/src/metrics/insights/index.ts';
import { EXPERIMENT_MEASURE_OF } from '../../../../service/src/services/insights/experimentMeasures.ts';
import { judgeExperiments } from '../../../../service/src/services/insights/experiments.ts';
import type { StoredInsightAction } from '../../../../service/src/storage/insights.ts';

const days = (value: number, length = 28) => Array.from({ length }, () => value);

function base(): InsightInput {
  return {
    weekStart: '2026-06-01',
    flow: {
      completedInLookback: 40,
      cycleTimeP70Days: 5,
      cycleTimeP85Days: 8,
      meanCycleTimeDays: 4,
      inProgress: [
        { itemId: 1, ageDays: 2 },
        { itemId: 2, ageDays: 9 },
        { itemId: 3, ageDays: 12 },
      ],
      dailyWip: [...days(6, 21), ...days(10, 7)],
      dailyThroughput: days(2),
      dailyArrivals: [...days(2, 21), ...days(3, 7)],
      flowEfficiency: 0.25,
      longestWait: { state: 'Ready for test', share: 0.4 },
    },
    sprint: {
      lengthDays: 14,
      planned: 20,
      added: 5,
      carriedOverTwice: [7],
      targetChanges: [
        { targetIndex: 0, kind: 'throughput', weekAgo: 0.9, now: 0.6 },
        { targetIndex: 1, kind: 'wip', weekAgo: 0.8, now: 0.4 },
      ],
    },
    delivery: [
      {
        deploymentDays: 4,
        deployments: 8,
        medianChangesPerDeployment: 2,
        failedDeployments: 0,
        medianRecoveryHours: undefined,
        incidentsRestored: 0,
        reworkDeployments: 0,
      },
      {
        deploymentDays: 2,
        deployments: 4,
        medianChangesPerDeployment: 3,
        failedDeployments: 1,
        medianRecoveryHours: 6,
        incidentsRestored: 1,
        reworkDeployments: 2,
      },
    ],
    dataQuality: { flaggedItems: [1, 2], itemsChecked: 40, productionMarked: true },
  };
}

describe('experiment measures, one per rule', () => {
  const cases: [string, number | undefined, 'higher' | 'lower'][] = [
    ['AGE-1', 2, 'lower'],
    ['WIP-1', 10, 'lower'],
    ['CFD-1', 7, 'lower'],
    // Little's Law: mean WIP 7 ÷ throughput 2 = 3.5 days against 4 measured: 12.5% apart.
    ['STB-1', 12.5, 'lower'],
    ['WAIT-1', 25, 'higher'],
    ['SLE-1', 8, 'lower'],
    ['CARRY-1', 1, 'lower'],
    ['SCOPE-1', 25, 'lower'],
    ['TGT-1', 50, 'higher'],
    // Delivery measures read the week judged: the last of the weeks.
    ['DEP-1', 2, 'higher'],
    ['CFR-1', 25, 'lower'],
    ['MTTR-1', 6, 'lower'],
    ['RWK-1', 50, 'lower'],
    ['DQ-1', 5, 'lower'],
  ];
  it('covers every rule', () => {
    expect(cases.map(([rule]) => rule).sort()).toEqual([...INSIGHT_RULE_IDS].sort());
  });
  it.each(cases)('%s measures %s, %s is better', (rule, expected, better) => {
    const definition = EXPERIMENT_MEASURE_OF[rule as (typeof INSIGHT_RULE_IDS)[number]];
    const value = definition.value(base());
    if (expected === undefined) expect(value).toBeUndefined();
    else expect(value).toBeCloseTo(expected, 6);
    expect(definition.better).toBe(better);
  });

  it('leaves weeks without the data out instead of counting zero', () => {
    const empty = base();
    empty.delivery = undefined;
    empty.sprint = undefined;
    empty.flow.cycleTimeP85Days = undefined;
    empty.dataQuality = { flaggedItems: [], itemsChecked: 0, productionMarked: undefined };
    for (const rule of ['AGE-1', 'DEP-1', 'CFR-1', 'MTTR-1', 'RWK-1', 'SCOPE-1', 'TGT-1', 'DQ-1'] as const) {
      expect(EXPERIMENT_MEASURE_OF[rule].value(empty)).toBeUndefined();
    }
    // A sprint whose planned items are unknown (membership not synchronised) gives no carry-over measure.
    const unknownMembership = base();
    if (unknownMembership.sprint !== undefined) unknownMembership.sprint.planned = 0;
    expect(EXPERIMENT_MEASURE_OF['CARRY-1'].value(unknownMembership)).toBeUndefined();
    expect(EXPERIMENT_MEASURE_OF['SCOPE-1'].value(unknownMembership)).toBeUndefined();
  });
});

describe('judging experiments week by week', () => {
  const experiment = (ruleId: string, weekStart: string): StoredInsightAction => ({
    weekStart,
    ruleId,
    action: 'experiment',
    note: '',
    iterationId: null,
    at: '2026-06-01T00:00:00Z',
  });
  /** WIP around 10 (±1) for the baseline, then `after` from the experiment's week on. */
  const wipInput = (start: string, after: number) => (weekStart: string) => {
    const input = base();
    const index = Math.round((Date.parse(weekStart) - Date.parse('2026-01-05')) / 604_800_000);
    input.flow.dailyWip = days(weekStart >= start ? after : 10 + (index % 2 === 0 ? 1 : -1));
    return Promise.resolve(input);
  };

  const table: [string, number, string, string][] = [
    ['a fall below the lower limit', 4, '2026-06-15', 'improved'],
    ['a rise above the upper limit', 16, '2026-06-15', 'worsened'],
    ['values inside the limits, alternating', 10.5, '2026-06-15', 'noSignal'],
    ['three weeks since', 4, '2026-07-13', 'tooFewPoints'],
  ];
  it.each(table)('%s', async (_, after, start, verdict) => {
    const asked: string[] = [];
    const [judged] = await judgeExperiments([experiment('WIP-1', start)], '2026-08-03', (weekStart) => {
      asked.push(weekStart);
      return wipInput(start, after)(weekStart);
    });
    expect(judged?.verdict).toBe(verdict);
    expect(judged?.baseline).toHaveLength(8);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('charts at most 16 weeks since and skips unknown rules', async () => {
    const judged = await judgeExperiments(
      [experiment('WIP-1', '2026-01-05'), experiment('OLD-9', '2026-01-05')],
      '2026-12-07',
      wipInput('2026-01-05', 4),
    );
    expect(judged).toHaveLength(1);
    expect(judged[0]?.since).toHaveLength(16);
  });
});
