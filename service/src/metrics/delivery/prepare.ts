import {
  attemptClassOf,
  type ChangeRecord,
  type DeploymentRecord,
  type IncidentRecord,
} from '../../domain/delivery.ts';
import { dayIndexOf } from '../calendar.ts';
import { groupChangesByBuild, type BuildChangeTable, type ChangesByBuild } from './buildChanges.ts';
import { periodIndexOf, type PeriodIndex } from './periodIndex.ts';
import { resolveAttributions, type IncidentAttribution } from './incidents.ts';
import { collectLeadTimeColumns, type LeadTimeColumns } from './leadTimeColumns.ts';
import type { Links } from './linkTable.ts';
import type { DeploymentDataGap, ProductionDeployment } from './model.ts';
import { PipelineKeys, selectProductionDeployments, type ProductionRules } from './production.ts';
import { finishOrder } from './finishOrder.ts';
import { FRESH, ScratchSpace, type TypedArrays } from './scratch.ts';
import type { DatedIncident } from './recovery.ts';
import { reworkOfBuilds, type ReworkEvidenceSource } from './rework.ts';

/** Everything the delivery metrics read: normalised records of one scope (a project, or several). */
export interface DeliveryInput {
  deployments: readonly DeploymentRecord[];
  changes: readonly ChangeRecord[];
  /** From linkChangesToBuilds, or its columns (linkChangesToBuildTable) over these very changes. */
  links: Links;
  incidents: readonly IncidentRecord[];
  /** Work items whose type is Bug, for the rework rate. */
  bugWorkItemIds: ReadonlySet<number>;
  /** Defaults to the /prod/i mark. */
  production?: ProductionRules;
  /** IANA zone whose calendar days the figures use. */
  timeZone: string;
}

/**
 * The records sorted and joined once; every period (window, week, sprint) is then a pair of binary
 * searches over these arrays. Sorted by finish time; the parallel day arrays are epoch-day indices.
 */
export interface PreparedDelivery {
  timeZone: string;
  /** Set when no production deployment exists at all; every deployment-based figure reports it. */
  gap: DeploymentDataGap | null;
  /** Production attempts that finished (successful, failed or canceled). */
  attempts: readonly ProductionDeployment[];
  attemptDays: Int32Array;
  successful: readonly ProductionDeployment[];
  successfulDays: Int32Array;
  changesByBuild: ChangesByBuild;
  /** In deployment finish order, contiguous per deployment; objects are built from them on demand. */
  leadTimes: LeadTimeColumns;
  leadTimeDays: Int32Array;
  incidents: readonly DatedIncident[];
  attributionByIncident: ReadonlyMap<number, IncidentAttribution>;
  /** Positions, prefix counts and number columns over the arrays above, for the period figures. */
  index: PeriodIndex;
  /** The links that make each rework deployment rework, made when a list reads them. */
  reworkEvidence: ReworkEvidenceSource;
}

/** Working memory of finishedAttempts, reused from call to call (see scratch.ts). */
const SPACE = { kept: new ScratchSpace(), finish: new ScratchSpace() };

type Draft = { -readonly [K in keyof ProductionDeployment]: ProductionDeployment[K] };

const NONE: readonly never[] = [];

/** Production attempts that finished, in finish order (then id), with their build and pipeline numbers. */
interface FinishedAttempts {
  attempts: Draft[];
  days: Int32Array;
  build: Int32Array;
  pipeline: Int32Array;
}

/**
 * The production attempts that finished, sorted by finish time then id, as ProductionDeployment
 * drafts (incidents and rework are joined on later) and day, build and pipeline columns.
 */
function finishedAttempts(
  records: readonly DeploymentRecord[],
  table: BuildChangeTable,
  timeZone: string,
  arrays: TypedArrays,
): FinishedAttempts {
  const kept = SPACE.kept.int32(records.length);
  const finish = SPACE.finish.float64(records.length);
  let count = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record === undefined || record.finishedAt === null) continue;
    if (attemptClassOf(record.outcome) === 'notAnAttempt') continue;
    kept[count] = i;
    finish[count++] = record.finishedAt;
  }
  const order = finishOrder(finish.subarray(0, count), (k) => records[kept[k] ?? -1]?.id ?? '');

  const pipelines = new PipelineKeys();
  const attempts = new Array<Draft>(count);
  const days = arrays.int32(count);
  const build = arrays.int32(count);
  const pipeline = arrays.int32(count);
  let lastBuildId: number | null = null;
  let b = -1;
  for (let n = 0; n < count; n++) {
    const k = order[n] ?? 0;
    const record = records[kept[k] ?? -1];
    if (record === undefined) continue;
    const finishedAt = finish[k] ?? 0;
    const day = dayIndexOf(finishedAt, timeZone);
    if (record.buildId !== lastBuildId) {
      lastBuildId = record.buildId;
      b = table.buildOf(lastBuildId);
    }
    const p = pipelines.numberOf(record);
    days[n] = day;
    build[n] = b;
    pipeline[n] = p;
    attempts[n] = {
      record,
      pipelineKey: pipelines.keys[p] ?? '',
      finishedAt,
      day,
      attemptClass: attemptClassOf(record.outcome),
      changeCount: table.countOf(b),
      incidents: NONE,
      reworkSlot: -1,
    };
  }
  return { attempts, days, build, pipeline };
}

/** The deployments and columns of the successful attempts. */
function successfulOf(finished: FinishedAttempts, arrays: TypedArrays) {
  const { attempts } = finished;
  let count = 0;
  for (let n = 0; n < attempts.length; n++) if (attempts[n]?.attemptClass === 'successful') count++;
  const deployments = new Array<Draft>(count);
  const days = arrays.int32(count);
  const build = arrays.int32(count);
  const pipeline = arrays.int32(count);
  let k = 0;
  for (let n = 0; n < attempts.length; n++) {
    const attempt = attempts[n];
    if (attempt?.attemptClass !== 'successful') continue;
    deployments[k] = attempt;
    days[k] = finished.days[n] ?? 0;
    build[k] = finished.build[n] ?? -1;
    pipeline[k++] = finished.pipeline[n] ?? -1;
  }
  return { deployments, days, build, pipeline };
}

/** Joins attributed incidents onto their deployments. */
function joinIncidents(incidents: readonly IncidentRecord[], successful: readonly Draft[]) {
  const resolved = resolveAttributions(incidents, successful);
  const attributionByIncident = new Map<number, IncidentAttribution>();
  resolved.forEach(({ attribution, deployment }, index) => {
    attributionByIncident.set(attribution.incidentId, attribution);
    const incident = incidents[index];
    if (deployment === null || incident === undefined) return;
    deployment.incidents = deployment.incidents === NONE ? [incident] : [...deployment.incidents, incident];
  });
  return attributionByIncident;
}

/** Marks each successful deployment whose build is rework with the build's evidence slot. */
function joinRework(successful: readonly Draft[], build: Int32Array, slotOfBuild: Int32Array): void {
  for (let k = 0; k < successful.length; k++) {
    const deployment = successful[k];
    if (deployment !== undefined) deployment.reworkSlot = slotOfBuild[build[k] ?? -1] ?? -1;
  }
}

export function prepareDelivery(input: DeliveryInput): PreparedDelivery {
  return prepareDeliveryUsing(input, FRESH);
}

/** prepareDelivery, its typed arrays from `arrays` (computeDeliveryMetrics lends reused memory). */
export function prepareDeliveryUsing(input: DeliveryInput, arrays: TypedArrays): PreparedDelivery {
  const selection = selectProductionDeployments(input.deployments, input.production);
  const gap: DeploymentDataGap | null = selection.status === 'ok' ? null : selection;
  const table = groupChangesByBuild(input.links, input.changes, arrays);
  const finished = finishedAttempts(
    selection.status === 'ok' ? selection.deployments : [],
    table,
    input.timeZone,
    arrays,
  );
  const successful = successfulOf(finished, arrays);
  const leadTimes = collectLeadTimeColumns(successful, table, arrays);

  // Join incidents and rework onto the deployments once; periods then read plain fields.
  const attributionByIncident = joinIncidents(input.incidents, successful.deployments);
  const incidentIds = new Set<number>();
  for (const incident of input.incidents) incidentIds.add(incident.workItemId);
  const rework = reworkOfBuilds(table, incidentIds, input.bugWorkItemIds);
  joinRework(successful.deployments, successful.build, rework.slotOfBuild);

  const incidents = input.incidents.map((record): DatedIncident => ({
    record,
    createdDay: dayIndexOf(record.createdAt, input.timeZone),
    completedDay: record.completedAt === null ? null : dayIndexOf(record.completedAt, input.timeZone),
  }));
  return {
    timeZone: input.timeZone,
    gap,
    attempts: finished.attempts,
    attemptDays: finished.days,
    successful: successful.deployments,
    successfulDays: successful.days,
    changesByBuild: table,
    leadTimes,
    leadTimeDays: leadTimes.days,
    incidents,
    attributionByIncident,
    index: periodIndexOf(finished, successful, leadTimes, table, arrays),
    reworkEvidence: rework.source,
  };
}
