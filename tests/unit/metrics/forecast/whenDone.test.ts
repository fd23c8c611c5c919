import { describe, expect, it } from 'vitest';
import {
  forecastWhenDone,
  probabilityDoneWithin,
} from '../../../../service/src/metrics/forecast/whenDone.ts';

describe('when will K items be done', () => {
  it('constant 2 a day: 10 items take 5 days, done on the 5th day from the start', () => {
    const result = forecastWhenDone({ history: [2, 2], items: 10, startDay: '2026-04-01', trials: 500 });
    expect(result.confidences).toEqual(
      [50, 70, 85, 95].map((confidence) => ({ confidence, days: 5, date: '2026-04-05' })),
    );
    expect(result.distribution).toEqual([{ days: 5, date: '2026-04-05', trials: 500, probabilityByThen: 1 }]);
    expect(result.unfinishedTrials).toBe(0);
  });

  it('nothing left to do: 0 days, done the day before the first forecast day', () => {
    const result = forecastWhenDone({ history: [1], items: 0, startDay: '2026-04-01', trials: 10 });
    expect(result.confidences[0]).toEqual({ confidence: 50, days: 0, date: '2026-03-31' });
  });

  it('only zero days: never done', () => {
    const result = forecastWhenDone({ history: [0, 0], items: 3, startDay: '2026-04-01', trials: 100 });
    expect(result.unfinishedTrials).toBe(100);
    expect(result.distribution).toEqual([]);
    expect(result.confidences.every((line) => line.days === null && line.date === null)).toBe(true);
  });

  it('history [0, 1], one item: lengths are geometric, P85 = 3 days and P95 = 5 days', () => {
    // P(L ≤ 2) = 0.75, P(L ≤ 3) = 0.875, P(L ≤ 4) = 0.9375, P(L ≤ 5) = 0.96875.
    const result = forecastWhenDone({ history: [0, 1], items: 1, startDay: '2026-04-01' });
    expect(result.confidences.find((line) => line.confidence === 85)).toEqual({
      confidence: 85,
      days: 3,
      date: '2026-04-03',
    });
    expect(result.confidences.find((line) => line.confidence === 95)?.days).toBe(5);
    expect(Math.abs(probabilityDoneWithin(result, 1) - 0.5)).toBeLessThan(0.03);
  });

  it('stops at maxDays and reports unfinished trials; a rank on them has no date', () => {
    const result = forecastWhenDone({
      history: [0, 0, 0, 1],
      items: 10,
      startDay: '2026-04-01',
      maxDays: 20,
    });
    expect(result.unfinishedTrials).toBeGreaterThan(result.trials / 2);
    expect(result.confidences.find((line) => line.confidence === 95)).toEqual({
      confidence: 95,
      days: null,
      date: null,
    });
    expect(result.distribution.every((entry) => entry.days <= 20)).toBe(true);
  });

  it('is reproducible and its dates never go backwards with confidence', () => {
    const request = { history: [0, 3, 1, 0, 2, 4, 0], items: 40, startDay: '2026-04-01' };
    const result = forecastWhenDone(request);
    expect(forecastWhenDone({ ...request })).toEqual(result);
    const days = result.confidences.map((line) => line.days ?? Infinity);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });

  it.each([
    { within: 4, probability: 0 },
    { within: 5, probability: 1 },
  ])('probability of being done within $within days is $probability', ({ within, probability }) => {
    const result = forecastWhenDone({ history: [2], items: 10, startDay: '2026-04-01', trials: 50 });
    expect(probabilityDoneWithin(result, within)).toBe(probability);
  });
});
