/**
 * "How many items by date D" (metric definitions § Forecasts): each trial sums one uniformly sampled
 * day of throughput history per remaining day. The value at c% confidence is the number that c% of
 * trials reach or exceed.
 */
import { daysBetween } from '../calendar.ts';
import { nearestRankIndex } from '../percentiles.ts';
import { createRandom, randomIndex, seedFor } from './random.ts';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_CONFIDENCES: readonly number[] = [50, 70, 85, 95];

export interface HowManyInput {
  /** Daily throughput of the history window, zero days included. */
  history: ArrayLike<number>;
  /** Days to simulate (the remaining days up to and including D). */
  days: number;
  trials?: number;
  /** Default: derived from the request, so the same request gives the same answer. */
  seed?: number;
  confidences?: readonly number[];
}

export interface HowManyResult {
  trials: number;
  days: number;
  seed: number;
  /** Non-increasing in confidence. */
  confidences: { confidence: number; items: number }[];
  /** Every outcome with its trial count and the share of trials reaching at least it. */
  distribution: { items: number; trials: number; probabilityAtLeast: number }[];
}

/** Days left to simulate when data is complete through `basisDay`: the days after it up to `targetDay`. */
export function remainingDays(basisDay: string, targetDay: string): number {
  return Math.max(0, daysBetween(basisDay, targetDay));
}

/** The number that `confidence`% of the ascending outcomes reach or exceed. */
export function reachedByShare(sortedAscending: Int32Array, confidence: number): number {
  const n = sortedAscending.length;
  return sortedAscending[n - nearestRankIndex(n, confidence)] ?? 0;
}

export function forecastHowMany(input: HowManyInput): HowManyResult {
  const trials = input.trials ?? DEFAULT_TRIALS;
  const days = Math.max(0, input.days);
  const seed = input.seed ?? seedFor('how-many', input.history, days, trials);
  const { history } = input;
  const outcomes = new Int32Array(trials);
  if (history.length > 0) {
    const random = createRandom(seed);
    for (let trial = 0; trial < trials; trial++) {
      let total = 0;
      for (let day = 0; day < days; day++) total += history[randomIndex(random, history.length)] ?? 0;
      outcomes[trial] = total;
    }
  }
  outcomes.sort();
  const distribution: HowManyResult['distribution'] = [];
  for (let i = 0; i < trials;) {
    const items = outcomes[i] ?? 0;
    let j = i;
    while (j < trials && outcomes[j] === items) j++;
    distribution.push({ items, trials: j - i, probabilityAtLeast: (trials - i) / trials });
    i = j;
  }
  return {
    trials,
    days,
    seed,
    confidences: (input.confidences ?? DEFAULT_CONFIDENCES).map((confidence) => ({
      confidence,
      items: reachedByShare(outcomes, confidence),
    })),
    distribution,
  };
}

/** Share of trials that finish at least `target` items (a throughput target's probability). */
export function probabilityOfAtLeast(result: HowManyResult, target: number): number {
  let reaching = 0;
  for (const entry of result.distribution) if (entry.items >= target) reaching += entry.trials;
  return result.trials === 0 ? 0 : reaching / result.trials;
}
