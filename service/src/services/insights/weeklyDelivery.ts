/** A week's delivery figures, as the insight rules read them, from the delivery trend's weekly figures. */
import type { PeriodFiguresAnswer } from '../../contract/index.ts';
import type { WeeklyDelivery } from '../../metrics/insights/index.ts';

export function weeklyDeliveryOf(week: PeriodFiguresAnswer): WeeklyDelivery {
  const frequency = week.deploymentFrequency;
  const deployments = frequency.status === 'ok' ? frequency.successfulDeployments : 0;
  const leadTime = week.leadTimeForChanges;
  const failures = week.changeFailureRate;
  const recovery = week.failedDeploymentRecoveryTime;
  const rework = week.reworkRate;
  return {
    deploymentDays: frequency.status === 'ok' ? frequency.deploymentDays : 0,
    deployments,
    // Changes per deployment (the trend gives counts, not per-deployment sizes).
    medianChangesPerDeployment:
      leadTime.status === 'ok' && deployments > 0 ? leadTime.changes / deployments : undefined,
    failedDeployments: failures.status === 'ok' ? failures.failedDeployments : 0,
    medianRecoveryHours: recovery.status === 'ok' ? recovery.medianHours : undefined,
    incidentsRestored: recovery.status === 'ok' ? recovery.restoredIncidents : 0,
    reworkDeployments: rework.status === 'ok' ? rework.reworkDeployments : 0,
  };
}
