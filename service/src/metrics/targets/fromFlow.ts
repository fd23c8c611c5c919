/**
 * A sprint day built from the team's prepared flow (pure). Data counts as complete through the end of the
 * day before `today`, so a day's answer is stable from its first minute. The sprint's items are its scope
 * (from the iteration membership history) and the named goal items; where the history is not known yet,
 * the team's items active in the sprint's dates: those finished in it, those in progress now, and the goal
 * items wherever they are.
 */
import { addDays, dayFromIndex, dayIndex } from '../calendar.ts';
import { cycleTimesFromSnapshot } from '../flow/cycleTime.ts';
import type { PreparedFlow } from '../flow/prepare.ts';
import { NO_DAY, snapshotAtEndOf } from '../flow/snapshot.ts';
import { dailyThroughput } from '../flow/throughput.ts';
import { dailyWip } from '../flow/wip.ts';
import { isStartedCode } from '../flow/workflow.ts';
import type { SprintDay, SprintDelivery, SprintItem } from './sprintDay.ts';
import type { ScopedItem } from './sprintScope.ts';
import { isWorkingDay, type WorkingCalendar } from './workingCalendar.ts';

export interface SprintFromFlowInput {
  firstDay: string;
  lastDay: string;
  today: string;
  calendar: WorkingCalendar;
  goalItemIds: readonly number[];
  /** Days of finished items behind the odds (the team's lookback window). */
  lookbackDays: number;
  delivery?: SprintDelivery;
  /** The sprint's scope from its membership history; absent: the team's items active in its dates. */
  scope?: readonly ScopedItem[];
}

function onWorkingDays(values: ArrayLike<number>, firstIndex: number, calendar: WorkingCalendar): number[] {
  const kept: number[] = [];
  for (let offset = 0; offset < values.length; offset++) {
    if (isWorkingDay(dayFromIndex(firstIndex + offset), calendar)) kept.push(values[offset] ?? 0);
  }
  return kept;
}

export function sprintDayFromFlow(flow: PreparedFlow, input: SprintFromFlowInput): SprintDay {
  const first = dayIndex(input.firstDay);
  const last = dayIndex(input.lastDay);
  const today = dayIndex(input.today);
  const asOf = Math.min(today - 1, last);
  const snapshot = snapshotAtEndOf(flow, dayFromIndex(asOf));
  const goals = new Set(input.goalItemIds);
  const scoped = new Map((input.scope ?? []).map((item) => [item.itemId, item]));

  const items: SprintItem[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < flow.records.length; index++) {
    const record = flow.records[index];
    if (record === undefined) continue;
    const startDay = snapshot.startDay[index] ?? NO_DAY;
    const completedDay = snapshot.completedDay[index] ?? NO_DAY;
    const finishedInSprint = completedDay !== NO_DAY && completedDay >= first && completedDay <= asOf;
    const inProgress = isStartedCode(snapshot.stage[index] ?? -1) && startDay !== NO_DAY;
    const goal = goals.has(record.id);
    const inScope = scoped.get(record.id);
    const active = input.scope === undefined ? finishedInSprint || inProgress : inScope !== undefined;
    if (!active && !goal) continue;
    seen.add(record.id);
    items.push({
      itemId: record.id,
      goal,
      // A goal item taken out of the sprint stays in it as removed: removal cannot make the goal met.
      removed: inScope?.removed ?? false,
      state: finishedInSprint ? 'done' : inProgress ? 'inProgress' : 'notStarted',
      ageDays: inProgress && !finishedInSprint ? today - startDay + 1 : undefined,
      cycleTimeDays: finishedInSprint && startDay !== NO_DAY ? completedDay - startDay + 1 : undefined,
      finishedOn: finishedInSprint ? dayFromIndex(completedDay) : undefined,
    });
  }
  // Goal items outside the team's flow (another team's area, not synchronised yet) are not done.
  for (const itemId of goals) {
    if (!seen.has(itemId)) {
      items.push({
        itemId,
        goal: true,
        removed: false,
        state: 'notStarted',
        ageDays: undefined,
        cycleTimeDays: undefined,
        finishedOn: undefined,
      });
    }
  }

  const historyFirst = today - input.lookbackDays;
  const historyLast = today - 1;
  const history = snapshotAtEndOf(flow, dayFromIndex(historyLast));
  const cycleTimesDays = cycleTimesFromSnapshot(flow, history, historyFirst, historyLast).entries.map(
    (entry) => entry.cycleTimeDays,
  );
  const throughput = onWorkingDays(
    dailyThroughput(history, historyFirst, historyLast),
    historyFirst,
    input.calendar,
  );
  const wipSeries = dailyWip(flow, historyFirst - 1, historyLast);
  const wipChanges: number[] = [];
  for (let offset = 1; offset < wipSeries.length; offset++) {
    if (isWorkingDay(dayFromIndex(historyFirst - 1 + offset), input.calendar)) {
      wipChanges.push((wipSeries[offset] ?? 0) - (wipSeries[offset - 1] ?? 0));
    }
  }

  const wipNow = items.filter((item) => item.state === 'inProgress').length;
  const sprintWip = asOf >= first ? onWorkingDays(dailyWip(flow, first, asOf), first, input.calendar) : [];
  return {
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    today: input.today,
    calendar: input.calendar,
    items: items.sort((a, b) => a.itemId - b.itemId),
    history: { dailyThroughput: throughput, cycleTimesDays, dailyWipChange: wipChanges },
    wipNow,
    highestWipSoFar: Math.max(wipNow, ...sprintWip),
    delivery: input.delivery,
  };
}

/** The day a sprint's answers are computed for when asked on `today` (its last day + 1 once it is over). */
export function evaluationDay(today: string, lastDay: string): string {
  return today > lastDay ? addDays(lastDay, 1) : today;
}
