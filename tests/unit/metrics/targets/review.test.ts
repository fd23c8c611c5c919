import { describe, expect, it } from 'vitest';
import {
  calibrationBands,
  kptOutline,
  metAmongPredicted,
  suggestAtLeast,
  suggestAtMost,
  hitRate,
  verdicts,
  type TargetOutlook,
} from '../../../../service/src/metrics/targets/index.ts';

function outlook(overrides: Partial<TargetOutlook>): TargetOutlook {
  return {
    target: { kind: 'itemsFinished', atLeast: 5 },
    current: 5,
    metNow: true,
    probability: 1,
    itemCount: 10,
    historySize: 20,
    tooFewToJudge: false,
    levers: [],
    unavailable: undefined,
    ...overrides,
  };
}

describe('suggestions from the last six sprints', () => {
  it.each<[string, number[], { value: number; metIn: number; of: number } | undefined]>([
    ['no history', [], undefined],
    ['six sprints: the value four of them reached', [8, 12, 10, 15, 9, 11], { value: 10, metIn: 4, of: 6 }],
    ['only the last six count', [100, 100, 8, 12, 10, 15, 9, 11], { value: 10, metIn: 4, of: 6 }],
    ['one sprint', [7], { value: 7, metIn: 1, of: 1 }],
  ])('at least: %s', (_name, perSprint, expected) => {
    expect(suggestAtLeast(perSprint)).toEqual(expected);
  });

  it('at most: the WIP ceiling four of six sprints stayed under', () => {
    expect(suggestAtMost([6, 9, 7, 5, 8, 12])).toEqual({ value: 8, metIn: 4, of: 6 });
  });

  it('reports how often a chosen value would have been met', () => {
    expect(hitRate([8, 12, 10, 15, 9, 11], 12, (figure, value) => figure >= value)).toEqual({
      value: 12,
      metIn: 2,
      of: 6,
    });
  });
});

describe('review', () => {
  it('judges each target from its final outlook', () => {
    const results = verdicts([
      outlook({}),
      outlook({ metNow: false }),
      outlook({ unavailable: 'noDeliveryData', metNow: false }),
    ]);
    expect(results.map((result) => result.verdict)).toEqual(['met', 'missed', 'notJudged']);
  });

  it('pre-fills Keep, Problem and Try from the data', () => {
    const results = verdicts([
      outlook({}),
      outlook({
        target: { kind: 'noItemOlderThan', days: 8 },
        current: 12,
        metNow: false,
        levers: [{ itemId: 3, chanceInTime: 0.1 }],
      }),
    ]);
    const outline = kptOutline(results, {
      planned: 5,
      added: 2,
      carriedOver: 1,
      carriedOverTwice: 1,
      removed: 1,
      total: 9,
    });
    expect(outline.keep.map((entry) => entry.key)).toEqual(['targetMet']);
    expect(outline.problem.map((entry) => entry.key)).toEqual([
      'targetMissed',
      'scopeAdded',
      'carriedOverTwice',
      'itemsRemoved',
    ]);
    expect(outline.try.map((entry) => entry.key)).toEqual([
      'tryFinishOldest',
      'tryLimitAdded',
      'trySplitCarriedOver',
    ]);
  });
});

describe('calibration', () => {
  it('groups predictions in bands of ten points', () => {
    const bands = calibrationBands([
      { probability: 0.86, met: true },
      { probability: 0.88, met: true },
      { probability: 0.84, met: false },
      { probability: 0.2, met: false },
      { probability: 1, met: true },
    ]);
    expect(bands).toEqual([
      { fromPercent: 20, predictions: 1, meanPredicted: 0.2, shareMet: 0 },
      { fromPercent: 80, predictions: 3, meanPredicted: (0.86 + 0.88 + 0.84) / 3, shareMet: 2 / 3 },
      { fromPercent: 90, predictions: 1, meanPredicted: 1, shareMet: 1 },
    ]);
  });

  it('answers "of the targets given an 85% chance, how many were met"', () => {
    const predictions = [
      { probability: 0.85, met: true },
      { probability: 0.87, met: false },
      { probability: 0.95, met: true },
      { probability: 0.5, met: false },
    ];
    expect(metAmongPredicted(predictions, 85, 90)).toEqual({ predictions: 2, met: 1 });
    expect(metAmongPredicted(predictions, 90, 100)).toEqual({ predictions: 1, met: 1 });
  });
});
