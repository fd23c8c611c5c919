import { dayFromIndex, dayIndex } from '../calendar.ts';
import { changesOfBuild } from './buildChanges.ts';
import type { DayRange, DeploymentSummary } from './model.ts';
import { targetNameOf } from './production.ts';
import { prepareDelivery, type DeliveryInput, type PreparedDelivery } from './prepare.ts';
import { sliceBounds } from './stats.ts';
import { summarisePeriod, type PeriodFigures } from './summary.ts';
import { sprintTrend, weeklyTrend, type SprintDates, type SprintFigures } from './trend.ts';

const NONE: readonly string[] = [];
const NO_INCIDENTS: readonly number[] = [];

export interface DeliveryRequest {
  /** Inclusive calendar days (YYYY-MM-DD) in the input's time zone. */
  from: string;
  to: string;
  sprints?: readonly SprintDates[];
}

/** A production deployment attempt of the window with what it carried and what it caused. */
export interface DeploymentDrillDown extends DeploymentSummary {
  /** Every change linked to the deployed build. */
  changeIds: readonly string[];
  /** Changes this deployment delivered first on its pipeline (they carry its lead time samples). */
  deliveredChangeIds: readonly string[];
  /** Incidents attributed to this deployment. */
  incidentIds: readonly number[];
}

export interface DeliveryReport {
  timeZone: string;
  window: PeriodFigures;
  weekly: readonly PeriodFigures[];
  sprints: readonly SprintFigures[];
  /** Production attempts that finished in the window, in finish order. */
  deployments: readonly DeploymentDrillDown[];
}

/**
 * Drill-down rows of the window's attempts. Lead time samples follow the successful deployments'
 * order and are contiguous per deployment, so one forward walk pairs them up.
 */
function drillDown(prepared: PreparedDelivery, window: DayRange): DeploymentDrillDown[] {
  const [start, end] = sliceBounds(prepared.attemptDays, window.fromDay, window.toDay);
  let next = sliceBounds(prepared.leadTimeDays, window.fromDay, window.toDay)[0];
  const rows: DeploymentDrillDown[] = [];
  // Redeploys share their build's list.
  const changeIdsByBuild = new Map<number, readonly string[]>();
  for (let i = start; i < end; i++) {
    const attempt = prepared.attempts[i];
    if (attempt === undefined) continue;
    const { id, buildId } = attempt.record;
    const delivered: string[] = [];
    for (
      let sample = prepared.leadTimes[next];
      sample?.deploymentId === id;
      sample = prepared.leadTimes[++next]
    ) {
      delivered.push(sample.changeId);
    }
    let changeIds = buildId === null ? NONE : changeIdsByBuild.get(buildId);
    if (changeIds === undefined && buildId !== null) {
      changeIds = changesOfBuild(prepared.changesByBuild, buildId).map((c) => c.id);
      changeIdsByBuild.set(buildId, changeIds);
    }
    const { record } = attempt;
    rows.push({
      id,
      pipelineKey: attempt.pipelineKey,
      pipelineName: record.pipelineName,
      target: targetNameOf(record),
      buildId,
      finishedAt: attempt.finishedAt,
      day: dayFromIndex(attempt.day),
      outcome: record.outcome,
      changeIds: changeIds ?? NONE,
      deliveredChangeIds: delivered,
      incidentIds: attempt.incidents.length === 0 ? NO_INCIDENTS : attempt.incidents.map((i) => i.workItemId),
    });
  }
  return rows;
}

/** Every delivery metric of a scope over a window, with weekly and per-sprint trends and drill-down. */
export function computeDeliveryMetrics(input: DeliveryInput, request: DeliveryRequest): DeliveryReport {
  const window = { fromDay: dayIndex(request.from), toDay: dayIndex(request.to) };
  if (window.toDay < window.fromDay) throw new RangeError('"from" must not be after "to"');
  const prepared = prepareDelivery(input);
  return {
    timeZone: input.timeZone,
    window: summarisePeriod(prepared, window),
    weekly: weeklyTrend(prepared, window),
    sprints: sprintTrend(prepared, request.sprints ?? []),
    deployments: drillDown(prepared, window),
  };
}
