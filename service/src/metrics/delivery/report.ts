import { dayFromIndex, dayIndex } from '../calendar.ts';
import type { LeadTimeColumns } from './leadTimeColumns.ts';
import type { DayRange, DeploymentSummary } from './model.ts';
import { targetNameOf } from './production.ts';
import { prepareDeliveryUsing, type DeliveryInput, type PreparedDelivery } from './prepare.ts';
import { Arena } from './scratch.ts';
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
  /** Whether to compute the window's weeks (default true); only the trend shows them. */
  weekly?: boolean;
  /** Whether to build the drill-down rows of the window's attempts (default true); figures never need them. */
  drillDown?: boolean;
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

/** Change ids of a build by table number, built on first use: redeploys share their build's list. */
function changeIdsOf(prepared: PreparedDelivery, build: number): readonly string[] {
  if (build === -1) return NONE;
  const { table, changeIdsByBuild } = prepared.index;
  let ids = changeIdsByBuild[build];
  if (ids === undefined) {
    const from = table.offsets[build] ?? 0;
    const count = table.countOf(build);
    const { changes, changeIndices } = table;
    const first = changes[changeIndices[from] ?? -1]?.id ?? '';
    // Most builds have one or two changes: literals are the cheapest arrays (exactly sized).
    if (count === 1) ids = [first];
    else if (count === 2) ids = [first, changes[changeIndices[from + 1] ?? -1]?.id ?? ''];
    else {
      const list = new Array<string>(count);
      for (let k = 0; k < count; k++) list[k] = changes[changeIndices[from + k] ?? -1]?.id ?? '';
      ids = list;
    }
    changeIdsByBuild[build] = ids;
  }
  return ids;
}

/** Change ids of samples[first … next - 1]; the build's own list when they are all of it, in order. */
function deliveredIds(
  samples: LeadTimeColumns,
  first: number,
  next: number,
  changeIds: readonly string[],
): readonly string[] {
  const count = next - first;
  if (count === 0) return NONE;
  const { changes } = samples.source;
  const idOf = (n: number) => changes[samples.sampleChange[n] ?? -1]?.id ?? '';
  let same = count === changeIds.length;
  for (let k = 0; same && k < count; k++) same = idOf(first + k) === changeIds[k];
  if (same) return changeIds;
  const ids = new Array<string>(count);
  for (let k = 0; k < count; k++) ids[k] = idOf(first + k);
  return ids;
}

/**
 * Drill-down rows of the window's attempts. Lead time samples follow the successful deployments'
 * order and are contiguous per deployment, so one forward walk pairs them up.
 */
function drillDown(prepared: PreparedDelivery, window: DayRange): DeploymentDrillDown[] {
  const [start, end] = sliceBounds(prepared.attemptDays, window.fromDay, window.toDay);
  const samples = prepared.leadTimes;
  const { deployments } = samples.source;
  const deploymentIdOf = (n: number) => deployments[samples.sampleDeployment[n] ?? -1]?.record.id;
  let next = sliceBounds(prepared.leadTimeDays, window.fromDay, window.toDay)[0];
  const rows = new Array<DeploymentDrillDown>(Math.max(0, end - start));
  let written = 0;
  let lastDay = Number.NaN;
  let lastDayString = '';
  for (let i = start; i < end; i++) {
    const attempt = prepared.attempts[i];
    if (attempt === undefined) continue;
    const { record } = attempt;
    const changeIds =
      record.buildId === null ? NONE : changeIdsOf(prepared, prepared.index.attemptBuild[i] ?? -1);
    const first = next;
    while (next < samples.sampleDeployment.length && deploymentIdOf(next) === record.id) next++;
    const delivered = deliveredIds(samples, first, next, changeIds);
    if (attempt.day !== lastDay) {
      lastDay = attempt.day;
      lastDayString = dayFromIndex(lastDay);
    }
    rows[written++] = {
      id: record.id,
      pipelineKey: attempt.pipelineKey,
      pipelineName: record.pipelineName,
      target: targetNameOf(record),
      buildId: record.buildId,
      finishedAt: attempt.finishedAt,
      day: lastDayString,
      outcome: record.outcome,
      changeIds,
      deliveredChangeIds: delivered,
      incidentIds: attempt.incidents.length === 0 ? NO_INCIDENTS : attempt.incidents.map((i) => i.workItemId),
    };
  }
  rows.length = written;
  return rows;
}

/** The typed arrays of computeDeliveryMetrics' preparation, reused from call to call (see scratch.ts). */
const ARENA = new Arena();

/** Every delivery metric of a scope over a window, with weekly and per-sprint trends and drill-down. */
export function computeDeliveryMetrics(input: DeliveryInput, request: DeliveryRequest): DeliveryReport {
  const window = { fromDay: dayIndex(request.from), toDay: dayIndex(request.to) };
  if (window.toDay < window.fromDay) throw new RangeError('"from" must not be after "to"');
  // Nothing prepared reaches the report but plain objects: its typed arrays can be reused memory.
  ARENA.reset();
  const prepared = prepareDeliveryUsing(input, ARENA);
  return {
    timeZone: input.timeZone,
    window: summarisePeriod(prepared, window),
    weekly: request.weekly === false ? [] : weeklyTrend(prepared, window),
    sprints: sprintTrend(prepared, request.sprints ?? []),
    deployments: request.drillDown === false ? [] : drillDown(prepared, window),
  };
}
