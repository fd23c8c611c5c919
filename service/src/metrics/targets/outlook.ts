/**
 * Each target's standing today and its probability of being met at sprint end. Method (shown in the
 * product): throughput, WIP and deployment targets replay randomly chosen past working days of the team
 * over the sprint's remaining working days (10,000s of trials, seeded by team, sprint and day, so a day's
 * answer is stable); item-age targets use each open item's chance to finish in time given its age, from
 * the team's own completed items.
 */
import { daysBetween } from '../calendar.ts';
import { createRandom, randomIndex, seedFor, type Random } from '../forecast/random.ts';
import { CycleTimeSampler } from './cycleTimeDraws.ts';
import type { SprintDay, SprintItem } from './sprintDay.ts';
import type { OutcomeTarget } from './targetKinds.ts';
import { remainingWorkingDays } from './workingCalendar.ts';

/** Below this many items (or days of history), a figure carries the "too few to judge" note. */
export const MINIMUM_SAMPLE = 5;
export const DEFAULT_TARGET_TRIALS = 2_000;

export type OutlookUnavailable = 'noHistory' | 'noDeliveryData' | 'noGoalItems';

export interface TargetLever {
  itemId: number;
  /** The item's chance to finish in time for this target, 0–1. */
  chanceInTime: number;
}

export interface TargetOutlook {
  target: OutcomeTarget;
  /** Today's figure: goal items done, items finished, attainment %, oldest age (days), highest WIP, deployment days. */
  current: number;
  /** Met if the sprint ended now. */
  metNow: boolean;
  /** Chance of being met at sprint end, 0–1; undefined when there is nothing to judge it from. */
  probability: number | undefined;
  /** Items the current figure counts, and the size of the history the probability rests on. */
  itemCount: number;
  historySize: number;
  tooFewToJudge: boolean;
  /** Items whose progress would most raise the probability (at most three). */
  levers: TargetLever[];
  unavailable: OutlookUnavailable | undefined;
}

export interface OutlookOptions {
  /** Identifies team and sprint in the seed. */
  seedKey: string;
  trials?: number;
}

interface Context {
  day: SprintDay;
  sampler: CycleTimeSampler;
  remainingWorking: number;
  remainingCalendar: number;
  trials: number;
  random: Random;
}

const open = (item: SprintItem) => !item.removed && item.state !== 'done';
const ageOf = (item: SprintItem) => (item.state === 'inProgress' ? (item.ageDays ?? 0) : 0);

function outlook(
  context: Context,
  target: OutcomeTarget,
  figures: Omit<TargetOutlook, 'target' | 'tooFewToJudge' | 'levers' | 'unavailable'> &
    Partial<Pick<TargetOutlook, 'levers' | 'unavailable'>>,
): TargetOutlook {
  return {
    target,
    levers: [],
    unavailable: undefined,
    ...figures,
    tooFewToJudge: figures.itemCount < MINIMUM_SAMPLE || figures.historySize < MINIMUM_SAMPLE,
  };
}

function leversByChance(context: Context, items: readonly SprintItem[], days: (item: SprintItem) => number) {
  return items
    .map((item) => ({
      itemId: item.itemId,
      chanceInTime: context.sampler.finishWithin(ageOf(item), days(item)) ?? 0,
    }))
    .sort((a, b) => a.chanceInTime - b.chanceInTime || a.itemId - b.itemId)
    .slice(0, 3);
}

function goalItemsDone(context: Context, target: OutcomeTarget): TargetOutlook {
  const goal = context.day.items.filter((item) => item.goal);
  const done = goal.filter((item) => item.state === 'done' && !item.removed).length;
  const historySize = context.sampler.size;
  const figures = {
    current: done,
    metNow: goal.length > 0 && done === goal.length,
    itemCount: goal.length,
    historySize,
  };
  if (goal.length === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noGoalItems' });
  // A removed goal item counts as not done: removing it cannot make the goal met.
  if (goal.some((item) => item.removed)) return outlook(context, target, { ...figures, probability: 0 });
  const remaining = goal.filter(open);
  if (remaining.length === 0) return outlook(context, target, { ...figures, probability: 1 });
  if (context.remainingCalendar === 0) return outlook(context, target, { ...figures, probability: 0 });
  if (historySize === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const levers = leversByChance(context, remaining, () => context.remainingCalendar);
  const probability = remaining.reduce(
    (product, item) => product * (context.sampler.finishWithin(ageOf(item), context.remainingCalendar) ?? 0),
    1,
  );
  return outlook(context, target, { ...figures, probability, levers });
}

/** Share of trials in which `trial` succeeds. */
function shareOfTrials(context: Context, trial: (random: Random) => boolean): number {
  let met = 0;
  for (let index = 0; index < context.trials; index++) if (trial(context.random)) met++;
  return met / context.trials;
}

function itemsFinished(
  context: Context,
  target: Extract<OutcomeTarget, { kind: 'itemsFinished' }>,
): TargetOutlook {
  const finished = context.day.items.filter((item) => item.state === 'done').length;
  const history = context.day.history.dailyThroughput;
  const figures = {
    current: finished,
    metNow: finished >= target.atLeast,
    itemCount: context.day.items.length,
    historySize: history.length,
  };
  const needed = target.atLeast - finished;
  if (needed <= 0) return outlook(context, target, { ...figures, probability: 1 });
  if (context.remainingWorking === 0) return outlook(context, target, { ...figures, probability: 0 });
  if (history.length === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const probability = shareOfTrials(context, (random) => {
    let total = 0;
    for (let day = 0; day < context.remainingWorking && total < needed; day++) {
      total += history[randomIndex(random, history.length)] ?? 0;
    }
    return total >= needed;
  });
  const inProgress = context.day.items.filter((item) => open(item) && item.state === 'inProgress');
  const levers = leversByChance(context, inProgress, () => context.remainingCalendar).reverse();
  return outlook(context, target, { ...figures, probability, levers });
}

function serviceLevel(
  context: Context,
  target: Extract<OutcomeTarget, { kind: 'serviceLevel' }>,
): TargetOutlook {
  const finished = context.day.items.filter(
    (item) => item.state === 'done' && item.cycleTimeDays !== undefined,
  );
  const within = finished.filter((item) => (item.cycleTimeDays ?? 0) <= target.withinDays).length;
  // Items removed before finishing stay in the denominator as misses.
  const abandoned = context.day.items.filter((item) => item.removed && item.state !== 'done').length;
  const attained = (inTime: number, total: number) => total > 0 && (inTime / total) * 100 >= target.percent;
  const denominator = finished.length + abandoned;
  const figures = {
    current: denominator === 0 ? 0 : (within / denominator) * 100,
    metNow: attained(within, denominator),
    itemCount: denominator,
    historySize: context.sampler.size,
  };
  const remaining = context.day.items.filter(open);
  if (remaining.length === 0 || context.remainingCalendar === 0)
    return outlook(context, target, { ...figures, probability: figures.metNow ? 1 : 0 });
  if (context.sampler.size === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const probability = shareOfTrials(context, (random) => {
    let inTime = within;
    let total = denominator;
    for (const item of remaining) {
      const age = ageOf(item);
      const cycleTime = context.sampler.draw(random, age) ?? Number.POSITIVE_INFINITY;
      if (cycleTime - age > context.remainingCalendar) continue;
      total++;
      if (cycleTime <= target.withinDays) inTime++;
    }
    return attained(inTime, total);
  });
  const atRisk = remaining.filter((item) => item.state === 'inProgress' && ageOf(item) <= target.withinDays);
  const levers = leversByChance(context, atRisk, (item) => target.withinDays - ageOf(item));
  return outlook(context, target, { ...figures, probability, levers });
}

function noItemOlderThan(
  context: Context,
  target: Extract<OutcomeTarget, { kind: 'noItemOlderThan' }>,
): TargetOutlook {
  const inProgress = context.day.items.filter((item) => open(item) && item.state === 'inProgress');
  const oldest = inProgress.reduce((max, item) => Math.max(max, ageOf(item)), 0);
  const figures = {
    current: oldest,
    metNow: oldest <= target.days,
    itemCount: inProgress.length,
    historySize: context.sampler.size,
  };
  // An item is fine if it cannot pass the limit before the sprint ends, or if it finishes before the end.
  const atRisk = inProgress.filter((item) => ageOf(item) + context.remainingCalendar > target.days);
  if (atRisk.length === 0) return outlook(context, target, { ...figures, probability: 1 });
  if (context.remainingCalendar === 0) return outlook(context, target, { ...figures, probability: 0 });
  if (context.sampler.size === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const probability = atRisk.reduce(
    (product, item) => product * (context.sampler.finishWithin(ageOf(item), context.remainingCalendar) ?? 0),
    1,
  );
  const levers = leversByChance(context, atRisk, () => context.remainingCalendar);
  return outlook(context, target, { ...figures, probability, levers });
}

function wipCeiling(context: Context, target: Extract<OutcomeTarget, { kind: 'wipCeiling' }>): TargetOutlook {
  const changes = context.day.history.dailyWipChange;
  const figures = {
    current: context.day.highestWipSoFar,
    metNow: context.day.highestWipSoFar <= target.atMost,
    itemCount: context.day.wipNow,
    historySize: changes.length,
  };
  if (!figures.metNow) return outlook(context, target, { ...figures, probability: 0 });
  if (context.remainingWorking === 0) return outlook(context, target, { ...figures, probability: 1 });
  if (changes.length === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const probability = shareOfTrials(context, (random) => {
    let wip = context.day.wipNow;
    for (let day = 0; day < context.remainingWorking; day++) {
      wip = Math.max(0, wip + (changes[randomIndex(random, changes.length)] ?? 0));
      if (wip > target.atMost) return false;
    }
    return true;
  });
  return outlook(context, target, { ...figures, probability });
}

function deploymentDays(
  context: Context,
  target: Extract<OutcomeTarget, { kind: 'deploymentDays' }>,
): TargetOutlook {
  const soFar = context.day.deploymentDaysSoFar;
  const history = context.day.history.deploymentDays;
  const figures = {
    current: soFar ?? 0,
    metNow: (soFar ?? 0) >= target.atLeast,
    itemCount: soFar ?? 0,
    historySize: history.length,
  };
  if (soFar === undefined || history.length === 0)
    return outlook(context, target, { ...figures, probability: undefined, unavailable: 'noDeliveryData' });
  const needed = target.atLeast - soFar;
  if (needed <= 0) return outlook(context, target, { ...figures, probability: 1 });
  if (context.remainingWorking < needed) return outlook(context, target, { ...figures, probability: 0 });
  const probability = shareOfTrials(context, (random) => {
    let days = 0;
    for (let day = 0; day < context.remainingWorking && days < needed; day++) {
      if (history[randomIndex(random, history.length)] === true) days++;
    }
    return days >= needed;
  });
  return outlook(context, target, { ...figures, probability });
}

function evaluate(context: Context, target: OutcomeTarget): TargetOutlook {
  switch (target.kind) {
    case 'goalItemsDone':
      return goalItemsDone(context, target);
    case 'itemsFinished':
      return itemsFinished(context, target);
    case 'serviceLevel':
      return serviceLevel(context, target);
    case 'noItemOlderThan':
      return noItemOlderThan(context, target);
    case 'wipCeiling':
      return wipCeiling(context, target);
    case 'deploymentDays':
      return deploymentDays(context, target);
  }
}

/** Every target's outlook for the sprint on `day.today`; the same inputs always give the same answer. */
export function evaluateTargets(
  day: SprintDay,
  targets: readonly OutcomeTarget[],
  options: OutlookOptions,
): TargetOutlook[] {
  const ended = day.today > day.lastDay;
  const remainingWorking = ended ? 0 : remainingWorkingDays(day.today, day.lastDay, day.calendar);
  const remainingCalendar = ended ? 0 : daysBetween(day.today, day.lastDay) + 1;
  const sampler = new CycleTimeSampler(day.history.cycleTimesDays);
  return targets.map((target, index) =>
    evaluate(
      {
        day,
        sampler,
        remainingWorking,
        remainingCalendar,
        trials: options.trials ?? DEFAULT_TARGET_TRIALS,
        random: createRandom(seedFor('sprint-target', options.seedKey, day.today, index, target.kind)),
      },
      target,
    ),
  );
}
