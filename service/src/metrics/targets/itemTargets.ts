/** Targets over the sprint's items: goal items done, items finished, p% within N days, the age guard. */
import {
  daysBehind,
  isOpen,
  leversByChance,
  outlook,
  shareOfTrials,
  type OutlookContext,
  type TargetOutlook,
} from './outlookContext.ts';
import { randomIndex } from '../forecast/random.ts';
import type { OutcomeTarget } from './targetKinds.ts';

type Target<K extends OutcomeTarget['kind']> = Extract<OutcomeTarget, { kind: K }>;

export function goalItemsDone(context: OutlookContext, target: Target<'goalItemsDone'>): TargetOutlook {
  const goal = context.day.items.filter((item) => item.goal);
  const done = goal.filter((item) => item.state === 'done').length;
  const figures = {
    current: done,
    metNow: goal.length > 0 && done === goal.length,
    itemCount: goal.length,
    historySize: context.sampler.size,
  };
  if (goal.length === 0)
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noGoalItems' });
  // A goal item taken out of the sprint unfinished will not be finished in it: removal cannot make the goal met.
  if (goal.some((item) => item.removed && item.state !== 'done'))
    return outlook(target, { ...figures, probability: 0 });
  const remaining = goal.filter(isOpen);
  if (remaining.length === 0) return outlook(target, { ...figures, probability: 1 });
  if (context.remainingCalendar === 0) return outlook(target, { ...figures, probability: 0 });
  if (context.sampler.size === 0) {
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  }
  const probability = remaining.reduce(
    (product, item) =>
      product * (context.sampler.finishWithin(daysBehind(item), context.remainingCalendar) ?? 0),
    1,
  );
  const levers = leversByChance(context, remaining, () => context.remainingCalendar);
  return outlook(target, { ...figures, probability, levers });
}

export function itemsFinished(context: OutlookContext, target: Target<'itemsFinished'>): TargetOutlook {
  const inScope = context.day.items.filter((item) => !item.removed);
  const finished = inScope.filter((item) => item.state === 'done').length;
  const history = context.day.history.dailyThroughput;
  const figures = {
    current: finished,
    metNow: finished >= target.atLeast,
    itemCount: inScope.length,
    historySize: history.length,
  };
  const needed = target.atLeast - finished;
  if (needed <= 0) return outlook(target, { ...figures, probability: 1 });
  if (context.remainingWorking === 0) return outlook(target, { ...figures, probability: 0 });
  if (history.length === 0)
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  const probability = shareOfTrials(context, (random) => {
    let total = 0;
    for (let day = 0; day < context.remainingWorking && total < needed; day++) {
      total += history[randomIndex(random, history.length)] ?? 0;
    }
    return total >= needed;
  });
  // The items closest to finishing are the quickest way to the number.
  const inProgress = inScope.filter((item) => item.state === 'inProgress');
  const levers = leversByChance(context, inProgress, () => context.remainingCalendar).reverse();
  return outlook(target, { ...figures, probability, levers });
}

export function serviceLevel(context: OutlookContext, target: Target<'serviceLevel'>): TargetOutlook {
  const finished = context.day.items.filter(
    (item) => item.state === 'done' && item.cycleTimeDays !== undefined,
  );
  const within = finished.filter((item) => (item.cycleTimeDays ?? 0) <= target.withinDays).length;
  const attained = (inTime: number, total: number) => total > 0 && (inTime / total) * 100 >= target.percent;
  const figures = {
    current: finished.length === 0 ? 0 : (within / finished.length) * 100,
    metNow: attained(within, finished.length),
    itemCount: finished.length,
    historySize: context.sampler.size,
  };
  const remaining = context.day.items.filter(isOpen);
  if (remaining.length === 0 || context.remainingCalendar === 0) {
    return outlook(target, { ...figures, probability: figures.metNow ? 1 : 0 });
  }
  if (context.sampler.size === 0) {
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  }
  const behind = remaining.map(daysBehind);
  const starts = behind.map((days) => context.sampler.startFor(days));
  const probability = shareOfTrials(context, (random) => {
    let inTime = within;
    let total = finished.length;
    for (let index = 0; index < behind.length; index++) {
      const elapsed = behind[index] ?? 0;
      const cycleTime = context.sampler.drawFrom(random, starts[index] ?? 0, elapsed);
      if (cycleTime - elapsed > context.remainingCalendar) continue;
      total++;
      if (cycleTime <= target.withinDays) inTime++;
    }
    return attained(inTime, total);
  });
  // Items that can still finish within N days, least likely first.
  const atRisk = remaining.filter(
    (item) => item.state === 'inProgress' && (item.ageDays ?? 0) <= target.withinDays,
  );
  const levers = leversByChance(context, atRisk, (item) => target.withinDays - daysBehind(item));
  return outlook(target, { ...figures, probability, levers });
}

export function noItemOlderThan(context: OutlookContext, target: Target<'noItemOlderThan'>): TargetOutlook {
  const inProgress = context.day.items.filter((item) => isOpen(item) && item.state === 'inProgress');
  const daysAfterToday = Math.max(0, context.remainingCalendar - 1);
  const ageAtEnd = (ageToday: number) => ageToday + daysAfterToday;
  const oldestAtEnd = inProgress.reduce((max, item) => Math.max(max, ageAtEnd(item.ageDays ?? 1)), 0);
  const figures = {
    current: oldestAtEnd,
    metNow: oldestAtEnd <= target.days,
    itemCount: inProgress.length,
    historySize: context.sampler.size,
  };
  // Fine unless it passes the limit by the sprint's last day while still in progress.
  const atRisk = inProgress.filter((item) => ageAtEnd(item.ageDays ?? 1) > target.days);
  if (atRisk.length === 0) return outlook(target, { ...figures, probability: 1 });
  if (context.remainingCalendar === 0) return outlook(target, { ...figures, probability: 0 });
  if (context.sampler.size === 0) {
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  }
  const probability = atRisk.reduce(
    (product, item) =>
      product * (context.sampler.finishWithin(daysBehind(item), context.remainingCalendar) ?? 0),
    1,
  );
  const levers = leversByChance(context, atRisk, () => context.remainingCalendar);
  return outlook(target, { ...figures, probability, levers });
}

export function wipCeiling(context: OutlookContext, target: Target<'wipCeiling'>): TargetOutlook {
  const changes = context.day.history.dailyWipChange;
  const figures = {
    current: context.day.highestWipSoFar,
    metNow: context.day.highestWipSoFar <= target.atMost && context.day.wipNow <= target.atMost,
    itemCount: context.day.wipNow,
    historySize: changes.length,
  };
  if (context.day.highestWipSoFar > target.atMost) return outlook(target, { ...figures, probability: 0 });
  if (context.remainingWorking === 0) return outlook(target, { ...figures, probability: 1 });
  if (changes.length === 0)
    return outlook(target, { ...figures, probability: undefined, unavailable: 'noHistory' });
  // A random walk of end-of-day WIP over the remaining working days, steps drawn from past working days.
  const probability = shareOfTrials(context, (random) => {
    let wip = context.day.wipNow;
    for (let day = 0; day < context.remainingWorking; day++) {
      wip = Math.max(0, wip + (changes[randomIndex(random, changes.length)] ?? 0));
      if (wip > target.atMost) return false;
    }
    return true;
  });
  return outlook(target, { ...figures, probability });
}
