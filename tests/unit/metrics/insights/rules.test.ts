import { describe, expect, it } from 'vitest';
import {
  allFindings,
  INSIGHT_RULES,
  insightRule,
  weeklyInsights,
  wouldHaveFired,
  type InsightInput,
  type InsightRuleId,
  type WeeklyDelivery,
} from '../../../../service/src/metrics/insights/index.ts';

const days = (value: number, length = 28) => Array.from({ length }, () => value);
const steadyWeek: WeeklyDelivery = {
  deploymentDays: 3,
  deployments: 4,
  medianChangesPerDeployment: 3,
  failedDeployments: 0,
  medianRecoveryHours: 2,
  incidentsRestored: 1,
  reworkDeployments: 0,
};

/** A calm team: steady flow, no old items, a healthy sprint, steady delivery, clean data. */
function quiet(): InsightInput {
  return {
    weekStart: '2026-06-01',
    flow: {
      completedInLookback: 40,
      cycleTimeP70Days: 5,
      cycleTimeP85Days: 8,
      meanCycleTimeDays: 5,
      inProgress: [
        { itemId: 1, ageDays: 2 },
        { itemId: 2, ageDays: 7 },
      ],
      dailyWip: days(10),
      dailyThroughput: days(2),
      dailyArrivals: days(2),
      flowEfficiency: 0.5,
      longestWait: { state: 'Ready for test', share: 0.2 },
    },
    sprint: { lengthDays: 14, planned: 10, added: 2, carriedOverTwice: [], targetChanges: [] },
    delivery: Array.from({ length: 8 }, () => ({ ...steadyWeek })),
    dataQuality: { flaggedItems: [], itemsChecked: 40, productionMarked: true },
  };
}

type Change = (input: InsightInput) => void;
const weeks =
  (before: Partial<WeeklyDelivery>, now: Partial<WeeklyDelivery>): Change =>
  (input) => {
    input.delivery = [
      ...Array.from({ length: 4 }, () => ({ ...steadyWeek, ...before })),
      ...Array.from({ length: 4 }, () => ({ ...steadyWeek, ...now })),
    ];
  };

/** For each rule: data that fires it, and data just short of its threshold that must not. */
const CASES: Record<InsightRuleId, { fires: Change; quiet: Change }> = {
  'AGE-1': {
    fires: (input) => {
      input.flow.inProgress = [...input.flow.inProgress, { itemId: 9, ageDays: 8.5 }];
    },
    quiet: (input) => {
      input.flow.inProgress = [...input.flow.inProgress, { itemId: 9, ageDays: 8 }];
    },
  },
  'WIP-1': {
    fires: (input) => {
      input.flow.dailyWip = [...days(10, 14), ...days(13, 14)];
    },
    quiet: (input) => {
      // WIP rose as much, but throughput rose too: the system is absorbing it.
      input.flow.dailyWip = [...days(10, 14), ...days(13, 14)];
      input.flow.dailyThroughput = [...days(2, 14), ...days(3, 14)];
      input.flow.dailyArrivals = input.flow.dailyThroughput;
    },
  },
  'CFD-1': {
    fires: (input) => {
      input.flow.dailyArrivals = [...days(2, 7), ...days(3, 21)];
    },
    quiet: (input) => {
      input.flow.dailyArrivals = [...days(2, 14), ...days(3, 7), ...days(2, 7)];
    },
  },
  'STB-1': {
    fires: (input) => {
      input.flow.meanCycleTimeDays = 3;
    },
    quiet: (input) => {
      input.flow.meanCycleTimeDays = 4;
    },
  },
  'WAIT-1': {
    fires: (input) => {
      input.flow.flowEfficiency = 0.2;
      input.flow.longestWait = { state: 'Ready for test', share: 0.45 };
    },
    quiet: (input) => {
      input.flow.flowEfficiency = 0.2;
      input.flow.longestWait = { state: 'Ready for test', share: 0.25 };
    },
  },
  'SLE-1': {
    fires: (input) => {
      input.flow.cycleTimeP85Days = 15;
    },
    quiet: (input) => {
      input.flow.cycleTimeP85Days = 14;
      input.flow.inProgress = [];
    },
  },
  'CARRY-1': {
    fires: (input) => {
      if (input.sprint) input.sprint.carriedOverTwice = [42];
    },
    quiet: (input) => {
      if (input.sprint) input.sprint.carriedOverTwice = [];
    },
  },
  'SCOPE-1': {
    fires: (input) => {
      if (input.sprint) input.sprint.added = 4;
    },
    quiet: (input) => {
      if (input.sprint) input.sprint.added = 3;
    },
  },
  'TGT-1': {
    fires: (input) => {
      if (input.sprint)
        input.sprint.targetChanges = [{ targetIndex: 0, kind: 'itemsFinished', weekAgo: 0.7, now: 0.4 }];
    },
    quiet: (input) => {
      if (input.sprint)
        input.sprint.targetChanges = [{ targetIndex: 0, kind: 'itemsFinished', weekAgo: 0.75, now: 0.6 }];
    },
  },
  'DEP-1': {
    fires: weeks({}, { deploymentDays: 2 }),
    quiet: weeks({}, { deploymentDays: 3, medianChangesPerDeployment: 4 }),
  },
  'CFR-1': {
    fires: weeks({ failedDeployments: 0 }, { failedDeployments: 1 }),
    quiet: weeks({ failedDeployments: 1 }, { failedDeployments: 1 }),
  },
  'MTTR-1': {
    fires: weeks({ medianRecoveryHours: 2 }, { medianRecoveryHours: 3 }),
    quiet: weeks({ medianRecoveryHours: 2 }, { medianRecoveryHours: 2.5 }),
  },
  'RWK-1': {
    fires: weeks({ reworkDeployments: 0 }, { reworkDeployments: 1 }),
    quiet: weeks({ reworkDeployments: 0 }, { reworkDeployments: 0 }),
  },
  'DQ-1': {
    fires: (input) => {
      input.dataQuality = { flaggedItems: [1, 2, 3, 4, 5], itemsChecked: 40, productionMarked: true };
    },
    quiet: (input) => {
      input.dataQuality = { flaggedItems: [1, 2, 3, 4], itemsChecked: 40, productionMarked: true };
    },
  },
};

function changed(change: Change): InsightInput {
  const input = quiet();
  change(input);
  return input;
}

const fired = (input: InsightInput) => allFindings(input).map((finding) => finding.ruleId);

describe('insight rules', () => {
  it('a calm team gets no insight', () => {
    expect(fired(quiet())).toEqual([]);
  });

  it('every rule in the catalogue has a case here, a source and an experiment', () => {
    expect(INSIGHT_RULES.map((rule) => rule.id).sort()).toEqual(Object.keys(CASES).sort());
    for (const rule of INSIGHT_RULES) {
      expect(rule.evidence.source.length).toBeGreaterThan(10);
      expect(rule.experiment.length).toBeGreaterThan(10);
      expect(rule.howWeWillKnow.length).toBeGreaterThan(10);
    }
  });

  it.each(Object.entries(CASES))('%s fires on its data', (ruleId, { fires }) => {
    expect(fired(changed(fires))).toEqual([ruleId]);
  });

  it.each(Object.entries(CASES))(
    '%s stays quiet just short of its threshold',
    (_ruleId, { quiet: short }) => {
      expect(fired(changed(short))).toEqual([]);
    },
  );

  it.each<[InsightRuleId, Change]>([
    ['AGE-1', (input) => void (input.flow.completedInLookback = 4)],
    ['STB-1', (input) => void (input.flow.completedInLookback = 4)],
    [
      'SCOPE-1',
      (input) =>
        void (input.sprint = {
          lengthDays: 14,
          planned: 4,
          added: 4,
          carriedOverTwice: [],
          targetChanges: [],
        }),
    ],
    ['CFR-1', weeks({ deployments: 1, failedDeployments: 0 }, { deployments: 1, failedDeployments: 1 })],
  ])('%s needs at least 5 items before it judges', (ruleId, lessData) => {
    const input = changed(CASES[ruleId].fires);
    lessData(input);
    expect(fired(input)).not.toContain(ruleId);
  });

  it('names the items behind an ageing finding, oldest first, never people', () => {
    const input = changed((value) => {
      value.flow.inProgress = [
        { itemId: 5, ageDays: 9 },
        { itemId: 6, ageDays: 20 },
      ];
    });
    const [finding] = allFindings(input);
    expect(finding?.itemIds).toEqual([6, 5]);
    expect(finding?.figures).toEqual({ items: 2, p85Days: 8, oldestDays: 20 });
  });

  it('keeps at most three a week, highest expected effect first', () => {
    const input = quiet();
    for (const ruleId of ['AGE-1', 'CARRY-1', 'SCOPE-1', 'DQ-1', 'TGT-1'] as const)
      CASES[ruleId].fires(input);
    const ranked = weeklyInsights(input);
    expect(ranked).toHaveLength(3);
    const effects = ranked.map((finding) => finding.expectedEffect);
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
    expect(fired(input)).toHaveLength(5);
  });

  it('leaves out rules switched off or dismissed this week', () => {
    const input = changed(CASES['AGE-1'].fires);
    CASES['CARRY-1'].fires(input);
    expect(weeklyInsights(input, { enabled: new Set(['CARRY-1']) }).map((f) => f.ruleId)).toEqual([
      'CARRY-1',
    ]);
    expect(weeklyInsights(input, { suppressed: new Set(['CARRY-1']) }).map((f) => f.ruleId)).toEqual([
      'AGE-1',
    ]);
  });

  it('previews when a rule would have fired over past weeks', () => {
    const history = [quiet(), changed(CASES['AGE-1'].fires), quiet()].map((input, index) => ({
      ...input,
      weekStart: ['2026-05-18', '2026-05-25', '2026-06-01'][index] ?? '',
    }));
    expect(
      wouldHaveFired('AGE-1', history).map((week) => [week.weekStart, week.finding !== undefined]),
    ).toEqual([
      ['2026-05-18', false],
      ['2026-05-25', true],
      ['2026-06-01', false],
    ]);
    expect(insightRule('AGE-1').area).toBe('flow');
  });
});
