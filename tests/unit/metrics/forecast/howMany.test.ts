import { describe, expect, it } from 'vitest';
import {
  forecastHowMany,
  probabilityOfAtLeast,
  reachedByShare,
  remainingDays,
} from '../../../../service/src/metrics/forecast/howMany.ts';

describe('how many items by a date', () => {
  it.each([
    { name: 'constant history of 2 a day, 10 days', history: [2, 2, 2], days: 10, items: 20 },
    { name: 'only zero days', history: [0, 0, 0], days: 10, items: 0 },
    { name: 'no history', history: [], days: 10, items: 0 },
    { name: 'no remaining days', history: [5, 1], days: 0, items: 0 },
    { name: 'negative remaining days count as none', history: [5, 1], days: -3, items: 0 },
  ])('$name → $items at every confidence', ({ history, days, items }) => {
    const result = forecastHowMany({ history, days, trials: 1000 });
    expect(result.confidences.map((line) => line.items)).toEqual([items, items, items, items]);
    expect(result.distribution).toEqual([{ items, trials: 1000, probabilityAtLeast: 1 }]);
  });

  it.each([
    { confidence: 85, value: 16 },
    { confidence: 50, value: 51 },
    { confidence: 95, value: 6 },
    { confidence: 100, value: 1 },
    { confidence: 1, value: 100 },
  ])('in outcomes 1..100, the number $confidence% reach or exceed is $value', ({ confidence, value }) => {
    const outcomes = Int32Array.from({ length: 100 }, (_, i) => i + 1);
    expect(reachedByShare(outcomes, confidence)).toBe(value);
  });

  it('follows the sampling distribution: history [1, 3] over 2 days gives 2, 4, 6 with 1/4, 1/2, 1/4', () => {
    const result = forecastHowMany({ history: [1, 3], days: 2 });
    expect(result.trials).toBe(10_000);
    expect(result.distribution.map((entry) => entry.items)).toEqual([2, 4, 6]);
    const shares = result.distribution.map((entry) => entry.trials / result.trials);
    [0.25, 0.5, 0.25].forEach((expected, i) =>
      expect(Math.abs((shares[i] ?? 0) - expected)).toBeLessThan(0.03),
    );
    expect(result.confidences.find((line) => line.confidence === 50)?.items).toBe(4);
    expect(result.confidences.find((line) => line.confidence === 95)?.items).toBe(2);
  });

  it('means what it says: at least c% of trials reach the value at c%, fewer reach one more', () => {
    const result = forecastHowMany({
      history: [0, 3, 1, 0, 2, 4, 0, 0, 2, 1],
      days: 14,
      confidences: [50, 70, 85, 95],
    });
    for (const { confidence, items } of result.confidences) {
      expect(probabilityOfAtLeast(result, items)).toBeGreaterThanOrEqual(confidence / 100);
      expect(probabilityOfAtLeast(result, items + 1)).toBeLessThan(confidence / 100);
    }
  });

  it('gives the same answer to the same request, and honours an explicit seed', () => {
    const request = { history: [0, 3, 1, 0, 2], days: 20 };
    expect(forecastHowMany(request)).toEqual(forecastHowMany({ ...request }));
    const a = forecastHowMany({ ...request, seed: 1 });
    expect(a.seed).toBe(1);
    expect(forecastHowMany({ ...request, seed: 1 })).toEqual(a);
    expect(forecastHowMany({ ...request, seed: 2 }).distribution).not.toEqual(a.distribution);
  });

  it.each([
    { target: 0, probability: 1 },
    { target: 2, probability: 1 },
    { target: 3, probability: 0 },
  ])(
    'probability of at least $target from a constant 1 a day over 2 days is $probability',
    ({ target, probability }) => {
      expect(probabilityOfAtLeast(forecastHowMany({ history: [1], days: 2, trials: 100 }), target)).toBe(
        probability,
      );
    },
  );
});

describe('remainingDays', () => {
  it.each([
    { basis: '2026-03-14', target: '2026-03-31', days: 17 },
    { basis: '2026-03-14', target: '2026-03-15', days: 1 },
    { basis: '2026-03-14', target: '2026-03-14', days: 0 },
    { basis: '2026-03-14', target: '2026-03-01', days: 0 },
  ])('$basis → $target: $days', ({ basis, target, days }) => {
    expect(remainingDays(basis, target)).toBe(days);
  });
});
