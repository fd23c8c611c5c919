/** What every target evaluation shares: the outlook shape, the day's context and the trial loop. */
import type { Random } from '../forecast/random.ts';
import type { CycleTimeSampler } from './cycleTimeDraws.ts';
import type { SprintDay, SprintItem } from './sprintDay.ts';
import type { OutcomeTarget } from './targetKinds.ts';

/** Below this many items (or days of history), a figure carries the "too few to judge" note. */
export const MINIMUM_SAMPLE = 5;

export type OutlookUnavailable = 'noHistory' | 'noDeliveryData' | 'noGoalItems';

export interface TargetLever {
  itemId: number;
  /** The item's chance to finish in time for this target, 0–1. */
  chanceInTime: number;
}

export interface TargetOutlook {
  target: OutcomeTarget;
  /**
   * Today's figure: goal items done, items finished, share within N days (%), oldest age at the end if
   * nothing moved (days), highest WIP, median deployment days per week, failure rate (%), median hours.
   */
  current: number;
  /** Met if the sprint ended now. */
  metNow: boolean;
  /** Chance of being met at sprint end, 0–1; undefined when there is nothing to judge it from. */
  probability: number | undefined;
  /** Items (or deployments, changes, incidents) the current figure counts, and the history behind the odds. */
  itemCount: number;
  historySize: number;
  tooFewToJudge: boolean;
  /** Items whose progress would most raise the probability (at most three). */
  levers: TargetLever[];
  unavailable: OutlookUnavailable | undefined;
}

export interface OutlookContext {
  day: SprintDay;
  sampler: CycleTimeSampler;
  /** Working days from today to the last day, today included when it is one. */
  remainingWorking: number;
  /** Calendar days from today to the last day, both included (0 once the sprint is over). */
  remainingCalendar: number;
  trials: number;
  random: Random;
}

export type OutlookFigures = Omit<TargetOutlook, 'target' | 'tooFewToJudge' | 'levers' | 'unavailable'> &
  Partial<Pick<TargetOutlook, 'levers' | 'unavailable'>>;

export function outlook(target: OutcomeTarget, figures: OutlookFigures): TargetOutlook {
  return {
    target,
    levers: [],
    unavailable: undefined,
    ...figures,
    tooFewToJudge: figures.itemCount < MINIMUM_SAMPLE || figures.historySize < MINIMUM_SAMPLE,
  };
}

/** Share of trials in which `trial` succeeds. */
export function shareOfTrials(context: OutlookContext, trial: (random: Random) => boolean): number {
  let met = 0;
  for (let index = 0; index < context.trials; index++) if (trial(context.random)) met++;
  return met / context.trials;
}

export const isOpen = (item: SprintItem) => !item.removed && item.state !== 'done';

/**
 * Whole days an item has been in progress before today: the sampler conditions on a cycle time longer
 * than this (age counts the start day as day 1, so an item aged 1 today has 0 days behind it).
 */
export const daysBehind = (item: SprintItem) =>
  item.state === 'inProgress' ? Math.max(0, (item.ageDays ?? 1) - 1) : 0;

/** The items least likely to finish within the days each has left, at most three. */
export function leversByChance(
  context: OutlookContext,
  items: readonly SprintItem[],
  daysLeft: (item: SprintItem) => number,
): TargetLever[] {
  return (
    items
      .map((item) => ({
        itemId: item.itemId,
        chanceInTime: context.sampler.finishWithin(daysBehind(item), daysLeft(item)) ?? 0,
      }))
      // An item that will finish in time anyway is no lever.
      .filter((lever) => lever.chanceInTime < 1)
      .sort((a, b) => a.chanceInTime - b.chanceInTime || a.itemId - b.itemId)
      .slice(0, 3)
  );
}
