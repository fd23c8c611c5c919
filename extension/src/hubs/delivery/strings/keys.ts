/** The five tiles, and every reason a tile can show instead of a value. */
export type DeliveryTile =
  'deploymentFrequency' | 'leadTimeForChanges' | 'changeFailureRate' | 'recoveryTime' | 'reworkRate';

export type DeliveryStatusKey =
  | 'noDeploymentRecords'
  | 'noProductionEnvironment'
  | 'noDeployments'
  | 'noIncidents'
  | 'noneRestored'
  | 'noChanges'
  | 'tooFew';

/** Every reason the service gives for a figure without a value (a unit test checks the contract's list). */
export type DeliveryStatusCode =
  | 'noDeploymentRecords'
  | 'noProductionEnvironment'
  | 'noDeployments'
  | 'noIncidents'
  | 'noneRestored'
  | 'noChanges'
  | 'noTeam'
  | 'noSprints';

/**
 * What a status sentence names, from the answer (scope, dates, production marks, the figure's own
 * parameters) and the project's settings (the incident rule).
 */
export interface StatusContext {
  project: string;
  /** Per team: the team and its mapped pipelines; null for the whole project. */
  team: {
    name: string;
    buildDefinitionIds: readonly number[];
    releaseDefinitionIds: readonly number[];
  } | null;
  from: string;
  to: string;
  environmentPattern: string;
  stagePattern: string;
  targetNamesSeen: readonly string[];
  openIncidentIds: readonly number[];
  successfulDeployments: number;
  incidentTypes: readonly string[];
  /** null: every item of the types is an incident. */
  incidentTag: string | null;
}

/** The DORA reference rows and bands, as the contract names them. */
export type ReferenceFigure =
  'deploymentFrequency' | 'leadTimeForChanges' | 'changeFailureRate' | 'failedDeploymentRecoveryTime';
export type ReferenceBandName = 'elite' | 'high' | 'medium' | 'low';
