/**
 * "When will K items be done" (metric definitions § Forecasts): each trial draws days of throughput
 * history until the sum reaches K. The date at c% confidence is the c-th percentile (nearest rank) of
 * the trial lengths, counted from the first forecast day (length 1 = done on that day).
 */
import { addDays } from '../calendar.ts';
import { nearestRankIndex } from '../percentiles.ts';
import { DEFAULT_CONFIDENCES, DEFAULT_TRIALS } from './howMany.ts';
import { createRandom, randomIndex, seedFor } from './random.ts';

/** Trials still short of K after this many days stop and count as not finished. */
export const DEFAULT_MAX_DAYS = 3650;

export interface WhenDoneInput {
  history: ArrayLike<number>;
  /** K, the items still to finish. */
  items: number;
  /** First day simulated (usually the day after the basis day). */
  startDay: string;
  trials?: number;
  seed?: number;
  confidences?: readonly number[];
  maxDays?: number;
}

export interface WhenDoneResult {
  trials: number;
  items: number;
  seed: number;
  /** Trials that had not reached K within maxDays. */
  unfinishedTrials: number;
  /** Non-decreasing in confidence; null when that rank falls on an unfinished trial. */
  confidences: { confidence: number; days: number | null; date: string | null }[];
  /** Each trial length with its count and the share of trials done by then. */
  distribution: { days: number; date: string; trials: number; probabilityByThen: number }[];
}

/** Date of finishing after `days` days counted from startDay (0 days: already done the day before). */
function finishDate(startDay: string, days: number): string {
  return addDays(startDay, days - 1);
}

export function forecastWhenDone(input: WhenDoneInput): WhenDoneResult {
  const trials = input.trials ?? DEFAULT_TRIALS;
  const maxDays = input.maxDays ?? DEFAULT_MAX_DAYS;
  const target = Math.max(0, input.items);
  const seed = input.seed ?? seedFor('when-done', input.history, target, trials, maxDays);
  const { history } = input;
  let historyTotal = 0;
  for (let i = 0; i < history.length; i++) historyTotal += history[i] ?? 0;
  const unreachable = maxDays + 1;
  const lengths = new Int32Array(trials);
  if (target > 0) {
    if (historyTotal <= 0) lengths.fill(unreachable);
    else {
      const random = createRandom(seed);
      for (let trial = 0; trial < trials; trial++) {
        let done = 0;
        let days = 0;
        while (done < target && days < maxDays) {
          done += history[randomIndex(random, history.length)] ?? 0;
          days++;
        }
        lengths[trial] = done >= target ? days : unreachable;
      }
    }
  }
  lengths.sort();
  let unfinishedTrials = 0;
  const distribution: WhenDoneResult['distribution'] = [];
  for (let i = 0; i < trials;) {
    const days = lengths[i] ?? 0;
    let j = i;
    while (j < trials && lengths[j] === days) j++;
    if (days === unreachable) unfinishedTrials = j - i;
    else
      distribution.push({
        days,
        date: finishDate(input.startDay, days),
        trials: j - i,
        probabilityByThen: j / trials,
      });
    i = j;
  }
  return {
    trials,
    items: target,
    seed,
    unfinishedTrials,
    confidences: (input.confidences ?? DEFAULT_CONFIDENCES).map((confidence) => {
      const days =
        trials === 0 ? unreachable : (lengths[nearestRankIndex(trials, confidence) - 1] ?? unreachable);
      return days === unreachable
        ? { confidence, days: null, date: null }
        : { confidence, days, date: finishDate(input.startDay, days) };
    }),
    distribution,
  };
}

/** Share of trials done within `days` days (a target date's probability). */
export function probabilityDoneWithin(result: WhenDoneResult, days: number): number {
  let done = 0;
  for (const entry of result.distribution) if (entry.days <= days) done += entry.trials;
  return result.trials === 0 ? 0 : done / result.trials;
}
