/**
 * Each target's standing today and its probability of being met at sprint end. Method (shown in the
 * product): throughput, WIP and delivery targets replay randomly chosen past working days of the team over
 * the sprint's remaining working days (seeded by team, sprint and day, so a day's answer is stable);
 * item-age targets use each open item's chance to finish in time given its age, from the team's own
 * finished items.
 */
import { daysBetween } from '../calendar.ts';
import { createRandom, seedFor } from '../forecast/random.ts';
import { CycleTimeSampler } from './cycleTimeDraws.ts';
import {
  changeFailureRate,
  deploymentDaysPerWeek,
  leadTimeForChanges,
  recoveryTime,
} from './deliveryTargets.ts';
import { goalItemsDone, itemsFinished, noItemOlderThan, serviceLevel, wipCeiling } from './itemTargets.ts';
import type { OutlookContext, TargetOutlook } from './outlookContext.ts';
import type { SprintDay } from './sprintDay.ts';
import type { OutcomeTarget } from './targetKinds.ts';
import { remainingWorkingDays } from './workingCalendar.ts';

export const DEFAULT_TARGET_TRIALS = 2_000;

export interface OutlookOptions {
  /** Identifies team and sprint in the seed. */
  seedKey: string;
  trials?: number;
}

function evaluate(context: OutlookContext, target: OutcomeTarget): TargetOutlook {
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
    case 'deploymentDaysPerWeek':
      return deploymentDaysPerWeek(context, target);
    case 'changeFailureRate':
      return changeFailureRate(context, target);
    case 'leadTimeForChanges':
      return leadTimeForChanges(context, target);
    case 'recoveryTime':
      return recoveryTime(context, target);
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
