import {
  attemptClassOf,
  type ChangeRecord,
  type DeploymentChangeLink,
  type DeploymentRecord,
  type IncidentRecord,
} from '../../domain/delivery.ts';
import { dayIndexOf } from '../calendar.ts';
import { groupChangesByBuild, type ChangesByBuild } from './buildChanges.ts';
import { attributeIncidents, incidentsByDeployment, type IncidentAttribution } from './incidents.ts';
import { collectLeadTimeSamples, type LeadTimeSample } from './leadTime.ts';
import type { DeploymentDataGap, ProductionDeployment } from './model.ts';
import { pipelineKeyOf, selectProductionDeployments, type ProductionRules } from './production.ts';
import type { DatedIncident } from './recovery.ts';
import { reworkEvidenceByBuild, type ReworkEvidence } from './rework.ts';

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
  /** In deployment finish order. */
  leadTimes: readonly LeadTimeSample[];
  leadTimeDays: Int32Array;
  incidents: readonly DatedIncident[];
  attributionByIncident: ReadonlyMap<number, IncidentAttribution>;
  incidentsByDeployment: ReadonlyMap<string, readonly IncidentRecord[]>;
  /** Builds whose changes are linked to an incident or a Bug. */
  reworkByBuild: ReadonlyMap<number, readonly ReworkEvidence[]>;
}

function byFinishThenId(a: ProductionDeployment, b: ProductionDeployment): number {
  return a.finishedAt - b.finishedAt || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}

function finishedAttempts(records: readonly DeploymentRecord[], timeZone: string): ProductionDeployment[] {
  const attempts: ProductionDeployment[] = [];
  for (const record of records) {
    const attemptClass = attemptClassOf(record.outcome);
    if (record.finishedAt === null || attemptClass === 'notAnAttempt') continue;
    attempts.push({
      record,
      pipelineKey: pipelineKeyOf(record),
      finishedAt: record.finishedAt,
      day: dayIndexOf(record.finishedAt, timeZone),
      attemptClass,
    });
  }
  return attempts.sort(byFinishThenId);
}

export function prepareDelivery(input: DeliveryInput): PreparedDelivery {
  const selection = selectProductionDeployments(input.deployments, input.production);
  const gap: DeploymentDataGap | null = selection.status === 'ok' ? null : selection;
  const attempts = selection.status === 'ok' ? finishedAttempts(selection.deployments, input.timeZone) : [];
  const successful = attempts.filter((a) => a.attemptClass === 'successful');
  const changesByBuild = groupChangesByBuild(input.links, input.changes);
  const leadTimes = collectLeadTimeSamples(successful, changesByBuild);

  const attributions = attributeIncidents(input.incidents, successful);
  const attributionByIncident = new Map<number, IncidentAttribution>();
  for (const attribution of attributions) attributionByIncident.set(attribution.incidentId, attribution);
  const incidents = input.incidents.map((record): DatedIncident => ({
    record,
    createdDay: dayIndexOf(record.createdAt, input.timeZone),
    completedDay: record.completedAt === null ? null : dayIndexOf(record.completedAt, input.timeZone),
  }));

  return {
    timeZone: input.timeZone,
    gap,
    attempts,
    attemptDays: Int32Array.from(attempts, (a) => a.day),
    successful,
    successfulDays: Int32Array.from(successful, (s) => s.day),
    changesByBuild,
    leadTimes,
    leadTimeDays: Int32Array.from(leadTimes, (s) => s.deployedDay),
    incidents,
    attributionByIncident,
    incidentsByDeployment: incidentsByDeployment(input.incidents, attributions),
    reworkByBuild: reworkEvidenceByBuild(
      changesByBuild,
      new Set(input.incidents.map((i) => i.workItemId)),
      input.bugWorkItemIds,
    ),
  };
}
