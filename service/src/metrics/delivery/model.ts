import type { AttemptClass, DeploymentRecord, IncidentRecord } from '../../domain/delivery.ts';

/** Inclusive range of epoch-day indices in the team's time zone (see metrics/calendar.ts). */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/** A change of a deployment that is linked to an incident or a Bug. */
export interface ReworkEvidence {
  changeId: string;
  workItemId: number;
  linkedTo: 'incident' | 'bug';
}

/**
 * A production deployment attempt that finished, with everything the families need joined on once
 * (prepareDelivery), so that summarising a period never looks anything up by id.
 */
export interface ProductionDeployment {
  readonly record: DeploymentRecord;
  readonly pipelineKey: string;
  readonly finishedAt: number;
  /** Epoch-day index of finishedAt in the team's time zone. */
  readonly day: number;
  readonly attemptClass: AttemptClass;
  /** Changes linked to the deployed build. */
  readonly changeCount: number;
  /** Incidents attributed to this deployment (only successful deployments have any). */
  readonly incidents: readonly IncidentRecord[];
  /**
   * Whether this deployment is rework: the number of its build in the run's ReworkEvidenceSource, which
   * gives the links that make it rework when a list asks for them; -1 when it is not rework.
   */
  readonly reworkSlot: number;
}

/**
 * Why a deployment-based figure has no value. Kept apart from every real value so that "nothing to
 * measure" never reads as zero.
 */
export type DeploymentDataGap =
  | { status: 'noDeploymentRecords' }
  | { status: 'noProductionEnvironment'; targetNamesSeen: readonly string[] };

/** The production environment exists, but no successful production deployment finished in the period. */
export interface NoDeployments {
  status: 'noDeployments';
}

/** Nothing incident-related to measure in the period. */
export interface NoIncidents {
  status: 'noIncidents';
}

/** Incidents exist, but none was completed (restored) in the period. */
export interface NoneRestored {
  status: 'noneRestored';
  openIncidentIds: readonly number[];
}

/** The DORA 2023 reference table as DevLake encodes it: context only, never a ranking. */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

export const REFERENCE_SOURCE = 'DORA 2023 as encoded by Apache DevLake';

export interface ReferenceBand {
  band: DoraBand;
  source: typeof REFERENCE_SOURCE;
}

/** A deployment as drill-down lists show it. */
export interface DeploymentSummary {
  id: string;
  pipelineKey: string;
  pipelineName: string;
  /** Environment, release environment or stage name. */
  target: string;
  buildId: number | null;
  finishedAt: number;
  day: string;
  outcome: DeploymentRecord['outcome'];
}
