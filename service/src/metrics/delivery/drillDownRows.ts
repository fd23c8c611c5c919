/**
 * The drill-down rows of a report: the window's production attempts with what each carried and caused,
 * made a page at a time for a report made from a kept preparation (report.ts).
 */
import type { DeploymentRecord } from '../../domain/delivery.ts';
import { dayFromIndex } from '../calendar.ts';
import type { LeadTimeColumns } from './leadTimeColumns.ts';
import type { DayRange, DeploymentSummary, ProductionDeployment } from './model.ts';
import type { PreparedDelivery } from './prepare.ts';
import { targetNameOf } from './production.ts';
import { sliceBounds } from './stats.ts';

const NONE: readonly string[] = [];
const NO_INCIDENTS: readonly number[] = [];

/** A production deployment attempt of the window with what it carried and what it caused. */
export interface DeploymentDrillDown extends DeploymentSummary {
  /** Every change linked to the deployed build. */
  changeIds: readonly string[];
  /** Changes this deployment delivered first on its pipeline (they carry its lead time samples). */
  deliveredChangeIds: readonly string[];
  /** Incidents attributed to this deployment. */
  incidentIds: readonly number[];
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
 * The drill-down rows of a window's attempts, made a page at a time: a year of a large project holds
 * over 100,000 and a list answers 50. Lead time samples follow the successful deployments' order and are
 * contiguous per deployment, so one forward walk (on first use) finds where each row's samples start.
 */
export class DrillDownRows {
  readonly length: number;
  private readonly start: number;
  private readonly firstSample: number;
  private sampleStarts: Int32Array | undefined;

  constructor(
    private readonly prepared: PreparedDelivery,
    window: DayRange,
  ) {
    const [start, end] = sliceBounds(prepared.attemptDays, window.fromDay, window.toDay);
    this.start = start;
    this.length = Math.max(0, end - start);
    this.firstSample = sliceBounds(prepared.leadTimeDays, window.fromDay, window.toDay)[0];
  }

  /** Rows [from, to) of the list. */
  slice(from: number, to: number): DeploymentDrillDown[] {
    const first = Math.max(0, from);
    const last = Math.min(this.length, to);
    const starts = this.starts();
    const rows: DeploymentDrillDown[] = [];
    let lastDay = Number.NaN;
    let lastDayString = '';
    for (let row = first; row < last; row++) {
      const attempt = this.prepared.attempts[this.start + row];
      if (attempt === undefined) continue;
      if (attempt.day !== lastDay) {
        lastDay = attempt.day;
        lastDayString = dayFromIndex(lastDay);
      }
      rows.push(this.rowOf(attempt, row, starts, lastDayString));
    }
    return rows;
  }

  private rowOf(
    attempt: ProductionDeployment,
    row: number,
    starts: Int32Array,
    day: string,
  ): DeploymentDrillDown {
    const { prepared } = this;
    const { record } = attempt;
    const changeIds =
      record.buildId === null
        ? NONE
        : changeIdsOf(prepared, prepared.index.attemptBuild[this.start + row] ?? -1);
    const delivered = deliveredIds(prepared.leadTimes, starts[row] ?? 0, starts[row + 1] ?? 0, changeIds);
    return {
      id: record.id,
      pipelineKey: attempt.pipelineKey,
      pipelineName: record.pipelineName,
      target: targetNameOf(record),
      buildId: record.buildId,
      finishedAt: attempt.finishedAt,
      day,
      outcome: record.outcome,
      changeIds,
      deliveredChangeIds: delivered,
      incidentIds: attempt.incidents.length === 0 ? NO_INCIDENTS : attempt.incidents.map((i) => i.workItemId),
    };
  }

  /** The deployment records of rows [from, to), as `slice` makes their rows. */
  records(from: number, to: number): DeploymentRecord[] {
    const records: DeploymentRecord[] = [];
    for (let row = Math.max(0, from); row < Math.min(this.length, to); row++) {
      const attempt = this.prepared.attempts[this.start + row];
      if (attempt !== undefined) records.push(attempt.record);
    }
    return records;
  }

  /** starts[r] … starts[r + 1] - 1: the lead time samples row r delivered. */
  private starts(): Int32Array {
    if (this.sampleStarts !== undefined) return this.sampleStarts;
    const samples = this.prepared.leadTimes;
    const { deployments } = samples.source;
    const sampleCount = samples.sampleDeployment.length;
    const starts = new Int32Array(this.length + 1);
    let next = this.firstSample;
    starts[0] = next;
    for (let row = 0; row < this.length; row++) {
      const id = this.prepared.attempts[this.start + row]?.record.id;
      while (next < sampleCount && deployments[samples.sampleDeployment[next] ?? -1]?.record.id === id)
        next++;
      starts[row + 1] = next;
    }
    this.sampleStarts = starts;
    return starts;
  }
}

/** A report, as far as its rows go. */
interface WithRows {
  readonly deployments: readonly DeploymentDrillDown[];
}

/** Each lazily made report's drill-down rows, for deploymentRowCount and deploymentRowsBetween. */
const ROWS = new WeakMap<WithRows, DrillDownRows>();

/** Makes `report`'s rows come from `rows` a page at a time. */
export function keepRows(report: WithRows, rows: DrillDownRows): void {
  ROWS.set(report, rows);
}

/** The number of drill-down rows of a report, without making them. */
export function deploymentRowCount(report: WithRows): number {
  return ROWS.get(report)?.length ?? report.deployments.length;
}

/**
 * The deployment records of drill-down rows [start, end), in the same order, where the report still holds
 * them (a report made lazily); undefined otherwise.
 */
export function deploymentRecordsBetween(
  report: WithRows,
  start: number,
  end: number,
): readonly DeploymentRecord[] | undefined {
  return ROWS.get(report)?.records(start, end);
}

/** Drill-down rows [start, end) of a report: only these are made, unless all of them were already. */
export function deploymentRowsBetween(
  report: WithRows,
  start: number,
  end: number,
): readonly DeploymentDrillDown[] {
  return ROWS.get(report)?.slice(start, end) ?? report.deployments.slice(start, end);
}
