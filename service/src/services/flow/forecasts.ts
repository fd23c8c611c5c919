/**
 * Monte Carlo forecasts over a team's throughput history, through the engine's forecast functions. The
 * history is the `historyDays` days ending on the basis day; forecasting starts the day after.
 */
import type { HowManyResponse, SprintForecastResponse, WhenResponse } from '../../contract/index.ts';
import { MAX_FORECAST_DAYS } from '../../contract/index.ts';
import type { BoardColumnChange, FlowFilter, TeamFlowConfig } from '../../metrics/index.ts';
import {
  addDays,
  dailyThroughput,
  dayIndex,
  daysBetween,
  forecastHowMany,
  forecastWhenDone,
  prepareTeamFlow,
  probabilityDoneWithin,
  probabilityOfAtLeast,
  remainingDays,
  snapshotAtEndOf,
  throughputHistory,
} from '../../metrics/index.ts';
import { sprintContaining } from './board.ts';
import { FlowRequestError, invalidParameter } from './errors.ts';
import { engineInput } from './input.ts';
import type { TeamFlowData } from './teamData.ts';

/** Trials still short of K after five years stop and count as unfinished. */
const WHEN_MAX_DAYS = 1825;

export interface ForecastRun {
  basis: string;
  historyDays: number;
  trials: number;
  seed: number;
}

export interface ForecastHistory {
  daily: Int32Array;
  summary: HowManyResponse['history'];
  /** Completions per day from `fromDay` through the basis day (for work done so far). */
  completedBetween(fromDay: string): number;
}

function sum(counts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] ?? 0;
  return total;
}

export function forecastHistory(
  data: TeamFlowData,
  config: TeamFlowConfig,
  filter: FlowFilter,
  run: ForecastRun,
  columnHistory?: ReadonlyMap<number, readonly BoardColumnChange[]>,
): ForecastHistory {
  const flow = prepareTeamFlow(
    engineInput(data, config, filter, { fromDay: run.basis, toDay: run.basis }, columnHistory),
    config,
  );
  const snapshot = snapshotAtEndOf(flow, run.basis);
  const basisIndex = dayIndex(run.basis);
  const daily = throughputHistory(snapshot, basisIndex, run.historyDays);
  return {
    daily,
    summary: {
      fromDay: addDays(run.basis, 1 - run.historyDays),
      toDay: run.basis,
      days: run.historyDays,
      total: sum(daily),
      zeroDays: daily.filter((count) => count === 0).length,
    },
    completedBetween: (fromDay) => sum(dailyThroughput(snapshot, dayIndex(fromDay), basisIndex)),
  };
}

type HowManyPart = Pick<HowManyResponse, 'by' | 'days' | 'confidences' | 'distribution' | 'target'>;

export function howManyForecast(
  history: ForecastHistory,
  run: ForecastRun,
  by: string,
  target?: number,
): HowManyPart {
  const days = daysBetween(run.basis, by);
  if (days < 1) throw invalidParameter('by', `must be after the basis day ${run.basis}`);
  if (days > MAX_FORECAST_DAYS) {
    throw invalidParameter(
      'by',
      `must be at most ${MAX_FORECAST_DAYS} days after the basis day ${run.basis}`,
    );
  }
  const result = forecastHowMany({ history: history.daily, days, trials: run.trials, seed: run.seed });
  return {
    by,
    days: result.days,
    confidences: result.confidences,
    distribution: result.distribution,
    target:
      target === undefined ? null : { items: target, probability: probabilityOfAtLeast(result, target) },
  };
}

type WhenPart = Pick<WhenResponse, 'items' | 'unfinishedTrials' | 'confidences' | 'distribution' | 'target'>;

export function whenForecast(
  history: ForecastHistory,
  run: ForecastRun,
  items: number,
  target?: string,
): WhenPart {
  if (target !== undefined && target <= run.basis) {
    throw invalidParameter('target', `must be after the basis day ${run.basis}`);
  }
  const result = forecastWhenDone({
    history: history.daily,
    items,
    startDay: addDays(run.basis, 1),
    trials: run.trials,
    seed: run.seed,
    maxDays: WHEN_MAX_DAYS,
  });
  return {
    items: result.items,
    unfinishedTrials: result.unfinishedTrials,
    confidences: result.confidences,
    distribution: result.distribution,
    target:
      target === undefined
        ? null
        : { date: target, probability: probabilityDoneWithin(result, daysBetween(run.basis, target)) },
  };
}

type SprintPart = Pick<
  SprintForecastResponse,
  'sprint' | 'completedSoFar' | 'days' | 'confidences' | 'distribution' | 'target'
>;

export function sprintForecast(
  data: TeamFlowData,
  history: ForecastHistory,
  run: ForecastRun,
  team: string,
  target?: number,
): SprintPart {
  const firstDay = addDays(run.basis, 1);
  const sprint = sprintContaining(data.sprints, firstDay);
  if (sprint === undefined) {
    const next = data.sprints.find((candidate) => candidate.startDay > firstDay);
    throw new FlowRequestError(
      'no_current_sprint',
      `Team "${team}" has no sprint that includes ${firstDay}` +
        (next === undefined
          ? data.sprints.length === 0
            ? ': it has no iterations with start and finish dates.'
            : '; its last sprint has finished.'
          : `; the next one, "${next.name}", starts on ${next.startDay}.`),
    );
  }
  const completedSoFar = sprint.startDay <= run.basis ? history.completedBetween(sprint.startDay) : 0;
  const result = forecastHowMany({
    history: history.daily,
    days: remainingDays(run.basis, sprint.finishDay),
    trials: run.trials,
    seed: run.seed,
  });
  return {
    sprint: {
      id: sprint.id,
      name: sprint.name,
      path: sprint.path,
      startDay: sprint.startDay,
      finishDay: sprint.finishDay,
    },
    completedSoFar,
    days: result.days,
    confidences: result.confidences,
    distribution: result.distribution,
    target:
      target === undefined
        ? null
        : { items: target, probability: probabilityOfAtLeast(result, Math.max(0, target - completedSoFar)) },
  };
}
