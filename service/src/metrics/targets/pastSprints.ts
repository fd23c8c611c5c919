/**
 * Suggested targets from the team's own ended sprints (pure): each sprint's figures from the team's flow
 * (items finished in its dates, their cycle times, the oldest item in progress at its end, its highest
 * end-of-day WIP on working days), then per target kind the value most recent sprints reached and how
 * often it would have been met. Goal items and delivery targets are not suggested.
 */
import { dayIndex, dayFromIndex } from '../calendar.ts';
import { cycleTimesFromSnapshot } from '../flow/cycleTime.ts';
import type { PreparedFlow } from '../flow/prepare.ts';
import { NO_DAY, snapshotAtEndOf } from '../flow/snapshot.ts';
import { dailyWip } from '../flow/wip.ts';
import { isStartedCode } from '../flow/workflow.ts';
import { nearestRank } from '../percentiles.ts';
import { MINIMUM_SAMPLE } from './outlookContext.ts';
import { hitRate, suggestAtLeast, suggestAtMost, SUGGESTION_SPRINTS } from './suggest.ts';
import type { OutcomeTarget } from './targetKinds.ts';
import { isWorkingDay, type WorkingCalendar } from './workingCalendar.ts';

export interface PastSprintFigures {
  itemsFinished: number;
  /** Cycle times (days) of the items finished in the sprint's dates. */
  cycleTimesDays: readonly number[];
  /** Age (days) of the oldest item still in progress at the end of the last day; 0 when none. */
  oldestAgeAtEnd: number;
  inProgressAtEnd: number;
  /** Highest end-of-day WIP on the sprint's working days. */
  highestWip: number;
}

export function pastSprintFigures(
  flow: PreparedFlow,
  sprint: { startDay: string; finishDay: string },
  calendar: WorkingCalendar,
): PastSprintFigures {
  const first = dayIndex(sprint.startDay);
  const last = dayIndex(sprint.finishDay);
  const snapshot = snapshotAtEndOf(flow, sprint.finishDay);
  let itemsFinished = 0;
  let oldestAgeAtEnd = 0;
  let inProgressAtEnd = 0;
  for (let index = 0; index < flow.records.length; index++) {
    const completed = snapshot.completedDay[index] ?? NO_DAY;
    if (completed !== NO_DAY && completed >= first && completed <= last) itemsFinished++;
    const started = snapshot.startDay[index] ?? NO_DAY;
    if (isStartedCode(snapshot.stage[index] ?? -1) && started !== NO_DAY) {
      inProgressAtEnd++;
      oldestAgeAtEnd = Math.max(oldestAgeAtEnd, last - started + 1);
    }
  }
  const wip = dailyWip(flow, first, last);
  let highestWip = 0;
  for (let offset = 0; offset < wip.length; offset++) {
    if (isWorkingDay(dayFromIndex(first + offset), calendar))
      highestWip = Math.max(highestWip, wip[offset] ?? 0);
  }
  return {
    itemsFinished,
    cycleTimesDays: cycleTimesFromSnapshot(flow, snapshot, first, last).entries.map(
      (entry) => entry.cycleTimeDays,
    ),
    oldestAgeAtEnd,
    inProgressAtEnd,
    highestWip,
  };
}

export interface SuggestedTarget {
  target: OutcomeTarget;
  metIn: number;
  of: number;
  itemCount: number;
  tooFewToJudge: boolean;
}

/** The service level's share: Seika suggests "85% within N days", N from the sprints' own 85th percentiles. */
export const SUGGESTED_SERVICE_LEVEL_PERCENT = 85;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function suggested(
  target: OutcomeTarget,
  rate: { metIn: number; of: number },
  itemCount: number,
): SuggestedTarget {
  return { target, metIn: rate.metIn, of: rate.of, itemCount, tooFewToJudge: itemCount < MINIMUM_SAMPLE };
}

function withinShare(cycleTimes: readonly number[], days: number): number {
  return cycleTimes.length === 0
    ? 0
    : (100 * cycleTimes.filter((value) => value <= days).length) / cycleTimes.length;
}

/** Per kind, the suggested target and its hit rate over the last six sprints (oldest first in `sprints`). */
export function suggestTargets(sprints: readonly PastSprintFigures[]): SuggestedTarget[] {
  const recent = sprints.slice(-SUGGESTION_SPRINTS);
  if (recent.length === 0) return [];
  const suggestions: SuggestedTarget[] = [];

  const finished = recent.map((sprint) => sprint.itemsFinished);
  const atLeast = Math.max(1, suggestAtLeast(finished)?.value ?? 1);
  const finishedRate = hitRate(finished, atLeast, (figure, value) => figure >= value);
  if (finishedRate !== undefined) {
    suggestions.push(suggested({ kind: 'itemsFinished', atLeast }, finishedRate, sum(finished)));
  }

  const p85s = recent.flatMap((sprint) => {
    const value = nearestRank(
      [...sprint.cycleTimesDays].sort((a, b) => a - b),
      SUGGESTED_SERVICE_LEVEL_PERCENT,
    );
    return value === undefined ? [] : [value];
  });
  const withinDays = suggestAtMost(p85s)?.value;
  if (withinDays !== undefined) {
    const days = Math.max(1, withinDays);
    const shares = recent.map((sprint) => withinShare(sprint.cycleTimesDays, days));
    const rate = hitRate(shares, SUGGESTED_SERVICE_LEVEL_PERCENT, (share, percent) => share >= percent);
    if (rate !== undefined) {
      suggestions.push(
        suggested(
          { kind: 'serviceLevel', percent: SUGGESTED_SERVICE_LEVEL_PERCENT, withinDays: days },
          rate,
          sum(recent.map((sprint) => sprint.cycleTimesDays.length)),
        ),
      );
    }
  }

  const oldest = recent.map((sprint) => sprint.oldestAgeAtEnd);
  const days = Math.max(1, suggestAtMost(oldest)?.value ?? 1);
  const ageRate = hitRate(oldest, days, (figure, value) => figure <= value);
  if (ageRate !== undefined) {
    suggestions.push(
      suggested(
        { kind: 'noItemOlderThan', days },
        ageRate,
        sum(recent.map((sprint) => sprint.inProgressAtEnd)),
      ),
    );
  }

  const wip = recent.map((sprint) => sprint.highestWip);
  const atMost = Math.max(1, suggestAtMost(wip)?.value ?? 1);
  const wipRate = hitRate(wip, atMost, (figure, value) => figure <= value);
  // Items behind a WIP ceiling: those in progress at the sprints' busiest moments.
  if (wipRate !== undefined) suggestions.push(suggested({ kind: 'wipCeiling', atMost }, wipRate, sum(wip)));
  return suggestions;
}
