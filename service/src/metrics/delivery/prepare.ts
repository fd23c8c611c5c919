import {
  attemptClassOf,
  type ChangeRecord,
  type DeploymentChangeLink,
  type DeploymentRecord,
  type IncidentRecord,
} from '../../domain/delivery.ts';
import { dayIndexOf } from '../calendar.ts';
import { groupChangesByBuild, type ChangesByBuild } from './buildChanges.ts';
import { resolveAttributions, type IncidentAttribution } from './incidents.ts';
import { collectLeadTimeSamples, type LeadTimeSample } from './leadTime.ts';
import type { DeploymentDataGap, ProductionDeployment } from './model.ts';
import { pipelineKeyOf, selectProductionDeployments, type ProductionRules } from './production.ts';
import type { DatedIncident } from './recovery.ts';
import { reworkEvidenceByBuild } from './rework.ts';

/** Everything the delivery metrics read: normalised records of one scope (a project, or several). */
export interface DeliveryInput {
  deployments: readonly DeploymentRecord[];
  changes: readonly ChangeRecord[];
  /** From linkChangesToBuilds. */
  links: readonly DeploymentChangeLink[];
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
  /** In deployment finish order, contiguous per deployment. */
  leadTimes: readonly LeadTimeSample[];
  leadTimeDays: Int32Array;
  incidents: readonly DatedIncident[];
  attributionByIncident: ReadonlyMap<number, IncidentAttribution>;
}

type Draft = { -readonly [K in keyof ProductionDeployment]: ProductionDeployment[K] };

const NONE: readonly never[] = [];

function byFinishThenId(a: Draft, b: Draft): number {
  return a.finishedAt - b.finishedAt || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}

function finishedAttempts(
  records: readonly DeploymentRecord[],
  grouped: ChangesByBuild,
  timeZone: string,
): Draft[] {
  const attempts: Draft[] = [];
  for (const record of records) {
    const attemptClass = attemptClassOf(record.outcome);
    if (record.finishedAt === null || attemptClass === 'notAnAttempt') continue;
    attempts.push({
      record,
      pipelineKey: pipelineKeyOf(record),
      finishedAt: record.finishedAt,
      day: dayIndexOf(record.finishedAt, timeZone),
      attemptClass,
      changeCount: record.buildId === null ? 0 : (grouped.byBuild.get(record.buildId)?.length ?? 0),
      incidents: NONE,
      reworkEvidence: NONE,
    });
  }
  return attempts.sort(byFinishThenId);
}

function daysOf(items: readonly { day: number }[]): Int32Array {
  const days = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) days[i] = items[i]?.day ?? 0;
  return days;
}

export function prepareDelivery(input: DeliveryInput): PreparedDelivery {
  const selection = selectProductionDeployments(input.deployments, input.production);
  const gap: DeploymentDataGap | null = selection.status === 'ok' ? null : selection;
  const grouped = groupChangesByBuild(input.links, input.changes);
  const attempts =
    selection.status === 'ok' ? finishedAttempts(selection.deployments, grouped, input.timeZone) : [];
  const successful = attempts.filter((a) => a.attemptClass === 'successful');
  const leadTimes = collectLeadTimeSamples(successful, grouped);

  // Join incidents and rework onto the deployments once; periods then read plain fields.
  const resolved = resolveAttributions(input.incidents, successful);
  const attributionByIncident = new Map<number, IncidentAttribution>();
  resolved.forEach(({ attribution, deployment }, index) => {
    attributionByIncident.set(attribution.incidentId, attribution);
    const incident = input.incidents[index];
    if (deployment === null || incident === undefined) return;
    deployment.incidents = deployment.incidents === NONE ? [incident] : [...deployment.incidents, incident];
  });
  const reworkByBuild = reworkEvidenceByBuild(
    grouped,
    new Set(input.incidents.map((i) => i.workItemId)),
    input.bugWorkItemIds,
  );
  if (reworkByBuild.size > 0) {
    for (const deployment of successful) {
      const evidence =
        deployment.record.buildId === null ? undefined : reworkByBuild.get(deployment.record.buildId);
      if (evidence !== undefined) deployment.reworkEvidence = evidence;
    }
  }

  const incidents = input.incidents.map((record): DatedIncident => ({
    record,
    createdDay: dayIndexOf(record.createdAt, input.timeZone),
    completedDay: record.completedAt === null ? null : dayIndexOf(record.completedAt, input.timeZone),
  }));
  return {
    timeZone: input.timeZone,
    gap,
    attempts,
    attemptDays: daysOf(attempts),
    successful,
    successfulDays: daysOf(successful),
    changesByBuild: grouped,
    leadTimes,
    leadTimeDays: Int32Array.from(leadTimes, (s) => s.deployedDay),
    incidents,
    attributionByIncident,
  };
}
