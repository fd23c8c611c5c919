import { dayFromIndex } from '../calendar.ts';
import { deploymentFrequency, type DeploymentFrequencyResult } from './deploymentFrequency.ts';
import {
  changeFailureRate,
  deploymentFailureRate,
  type ChangeFailureRateResult,
  type DeploymentFailureRateResult,
} from './failureRates.ts';
import type { IncidentAttribution } from './incidents.ts';
import { leadTimeForChanges, type LeadTimeResult } from './leadTime.ts';
import type { DayRange, DeploymentDataGap } from './model.ts';
import type { PreparedDelivery } from './prepare.ts';
import {
  failedDeploymentRecoveryTime,
  timeToRestore,
  type RecoveryTimeResult,
  type TimeToRestoreResult,
} from './recovery.ts';
import { reworkRate, type ReworkRateResult } from './rework.ts';
import { sliceBounds } from './stats.ts';

/** Every delivery figure of one period, each either a value or an explicit reason for having none. */
export interface PeriodFigures {
  /** Inclusive calendar days (YYYY-MM-DD) in the team's time zone. */
  from: string;
  to: string;
  deploymentFrequency: DeploymentDataGap | DeploymentFrequencyResult;
  leadTimeForChanges: DeploymentDataGap | LeadTimeResult;
  changeFailureRate: DeploymentDataGap | ChangeFailureRateResult;
  deploymentFailureRate: DeploymentDataGap | DeploymentFailureRateResult;
  failedDeploymentRecoveryTime: DeploymentDataGap | RecoveryTimeResult;
  timeToRestore: TimeToRestoreResult;
  reworkRate: DeploymentDataGap | ReworkRateResult;
  /** Incidents created in the period and how each was attributed (unattributed ones say why). */
  incidents: readonly IncidentAttribution[];
}

function slice<T>(items: readonly T[], days: Int32Array, period: DayRange): readonly T[] {
  const [start, end] = sliceBounds(days, period.fromDay, period.toDay);
  return items.slice(start, end);
}

function incidentsCreatedIn(prepared: PreparedDelivery, period: DayRange): IncidentAttribution[] {
  const attributions: IncidentAttribution[] = [];
  for (const { record, createdDay } of prepared.incidents) {
    if (createdDay < period.fromDay || createdDay > period.toDay) continue;
    const attribution = prepared.attributionByIncident.get(record.workItemId);
    if (attribution !== undefined) attributions.push(attribution);
  }
  return attributions;
}

/** All delivery figures over an inclusive range of days. */
export function summarisePeriod(prepared: PreparedDelivery, period: DayRange): PeriodFigures {
  if (period.toDay < period.fromDay) throw new RangeError('a period must not end before it starts');
  const from = dayFromIndex(period.fromDay);
  const to = dayFromIndex(period.toDay);
  const restore = timeToRestore(prepared.incidents, period);
  const incidents = incidentsCreatedIn(prepared, period);
  const { gap } = prepared;
  if (gap !== null) {
    return {
      from,
      to,
      deploymentFrequency: gap,
      leadTimeForChanges: gap,
      changeFailureRate: gap,
      deploymentFailureRate: gap,
      failedDeploymentRecoveryTime: gap,
      timeToRestore: restore,
      reworkRate: gap,
      incidents,
    };
  }
  const successful = slice(prepared.successful, prepared.successfulDays, period);
  const attempts = slice(prepared.attempts, prepared.attemptDays, period);
  const leadTimes = slice(prepared.leadTimes, prepared.leadTimeDays, period);
  return {
    from,
    to,
    deploymentFrequency: deploymentFrequency(successful, period),
    leadTimeForChanges: leadTimeForChanges(leadTimes, successful.length),
    changeFailureRate: changeFailureRate(successful),
    deploymentFailureRate: deploymentFailureRate(attempts),
    failedDeploymentRecoveryTime: failedDeploymentRecoveryTime(successful),
    timeToRestore: restore,
    reworkRate: reworkRate(successful),
    incidents,
  };
}
