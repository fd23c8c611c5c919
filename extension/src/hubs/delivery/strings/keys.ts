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
