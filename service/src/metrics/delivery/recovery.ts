import type { IncidentRecord } from '../../domain/delivery.ts';
import { recoveryTimeBand } from './bands.ts';
import type {
  DayRange,
  NoDeployments,
  NoIncidents,
  NoneRestored,
  ProductionDeployment,
  ReferenceBand,
} from './model.ts';
import { medianOf } from './stats.ts';

export interface RecoverySample {
  incidentId: number;
  deploymentId: string;
  deploymentFinishedAt: number;
  incidentCompletedAt: number;
  recoveryMs: number;
}

export type RecoveryTimeResult =
  | NoDeployments
  | NoIncidents
  | NoneRestored
  | {
      status: 'ok';
      medianMs: number;
      samples: readonly RecoverySample[];
      /** Attributed incidents still open: no recovery time yet. */
      openIncidentIds: readonly number[];
      reference: ReferenceBand;
    };

/**
 * Failed deployment recovery time (metric definitions, Delivery): per incident attributed to a
 * successful production deployment that finished in the period, the incident's completion minus
 * the deployment's finish. Median.
 */
export function failedDeploymentRecoveryTime(
  successfulInPeriod: readonly ProductionDeployment[],
): RecoveryTimeResult {
  return recoveryTimeOf(
    successfulInPeriod.length,
    successfulInPeriod.filter((d) => d.incidents.length > 0),
  );
}

/** The median from its parts: deployments in the period, and those of them with attributed incidents. */
export function recoveryTimeOf(
  successfulDeployments: number,
  withIncidents: readonly ProductionDeployment[],
): RecoveryTimeResult {
  if (successfulDeployments === 0) return { status: 'noDeployments' };
  const samples: RecoverySample[] = [];
  const openIncidentIds: number[] = [];
  for (const deployment of withIncidents) {
    for (const incident of deployment.incidents) {
      if (incident.completedAt === null) {
        openIncidentIds.push(incident.workItemId);
        continue;
      }
      samples.push({
        incidentId: incident.workItemId,
        deploymentId: deployment.record.id,
        deploymentFinishedAt: deployment.finishedAt,
        incidentCompletedAt: incident.completedAt,
        recoveryMs: incident.completedAt - deployment.finishedAt,
      });
    }
  }
  const medianMs = medianOf(samples.map((s) => s.recoveryMs));
  if (medianMs === null) {
    return openIncidentIds.length > 0
      ? { status: 'noneRestored', openIncidentIds }
      : { status: 'noIncidents' };
  }
  return { status: 'ok', medianMs, samples, openIncidentIds, reference: recoveryTimeBand(medianMs) };
}

/** An incident with its creation and completion days in the team's time zone. */
export interface DatedIncident {
  record: IncidentRecord;
  createdDay: number;
  completedDay: number | null;
}

export interface RestoreSample {
  incidentId: number;
  createdAt: number;
  completedAt: number;
  restoreMs: number;
}

export type TimeToRestoreResult =
  | NoIncidents
  | NoneRestored
  | {
      status: 'ok';
      medianMs: number;
      samples: readonly RestoreSample[];
      /** Incidents created in the period and not completed by its end. */
      openIncidentIds: readonly number[];
    };

/**
 * Time to restore: incident created → completed, for every incident completed in the period
 * (attributed or not). Median.
 */
export function timeToRestore(incidents: readonly DatedIncident[], period: DayRange): TimeToRestoreResult {
  const samples: RestoreSample[] = [];
  const openIncidentIds: number[] = [];
  for (let i = 0; i < incidents.length; i++) {
    const dated = incidents[i];
    if (dated === undefined) continue;
    const { record, createdDay, completedDay } = dated;
    const completedInPeriod =
      completedDay !== null && completedDay >= period.fromDay && completedDay <= period.toDay;
    if (completedInPeriod && record.completedAt !== null) {
      samples.push({
        incidentId: record.workItemId,
        createdAt: record.createdAt,
        completedAt: record.completedAt,
        restoreMs: record.completedAt - record.createdAt,
      });
      continue;
    }
    const createdInPeriod = createdDay >= period.fromDay && createdDay <= period.toDay;
    if (createdInPeriod && (completedDay === null || completedDay > period.toDay)) {
      openIncidentIds.push(record.workItemId);
    }
  }
  const medianMs = medianOf(samples.map((s) => s.restoreMs));
  if (medianMs === null) {
    return openIncidentIds.length > 0
      ? { status: 'noneRestored', openIncidentIds }
      : { status: 'noIncidents' };
  }
  return { status: 'ok', medianMs, samples, openIncidentIds };
}
