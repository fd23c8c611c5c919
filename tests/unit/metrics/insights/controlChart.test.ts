import { describe, expect, it } from 'vitest';
import {
  changeSignals,
  judgeExperiment,
  processLimits,
} from '../../../../service/src/metrics/insights/index.ts';

const BASELINE = [10, 12, 11, 9, 10, 11, 12, 10, 9, 11];

describe('process behaviour charts', () => {
  it('computes natural process limits from the mean moving range', () => {
    // Moving ranges: 2,1,2,1,1,1,2,1,2 → mean 13/9; spread 2.66 × 13/9.
    const limits = processLimits(BASELINE);
    expect(limits?.mean).toBeCloseTo(10.5);
    expect(limits?.upper).toBeCloseTo(10.5 + (2.66 * 13) / 9);
    expect(limits?.lower).toBeCloseTo(10.5 - (2.66 * 13) / 9);
    expect(processLimits([4])).toBeUndefined();
  });

  it.each<[string, number[], string[]]>([
    ['nothing unusual', [10, 11, 10, 12, 9, 11], []],
    ['a point above the upper limit', [10, 16, 10, 11], ['outsideLimits']],
    ['eight in a row below the mean', [10, 10, 10, 10, 10, 10, 10, 10], ['runOfEight']],
    ['three of four near the upper limit', [12.5, 13, 10, 12.6], ['threeOfFour']],
  ])('%s', (_name, values, expected) => {
    const limits = processLimits(BASELINE);
    if (limits === undefined) throw new Error('no limits');
    expect(changeSignals(limits, values).map((signal) => signal.signal)).toEqual(expected);
  });

  it.each<[string, number[], 'higher' | 'lower', string]>([
    ['cycle time fell for eight weeks: improved', [9, 9.5, 8, 9, 10, 9, 8.5, 9], 'lower', 'improved'],
    ['cycle time rose beyond the limit: worsened', [10, 11, 15, 10], 'lower', 'worsened'],
    ['throughput within the usual noise: no signal', [10, 11, 10, 12, 9, 11], 'higher', 'noSignal'],
    ['too few points to judge', [20, 20], 'higher', 'tooFewPoints'],
  ])('%s', (_name, during, better, verdict) => {
    expect(judgeExperiment(BASELINE, during, better).verdict).toBe(verdict);
  });
});
