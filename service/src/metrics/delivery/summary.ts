import { dayFromIndex } from '../calendar.ts';
import {
  deploymentFrequency,
  deploymentFrequencyOfRun,
  type DeploymentFrequencyResult,
} from './deploymentFrequency.ts';
import {
  changeFailureRateOf,
  deploymentFailureRateOf,
  type ChangeFailureRateResult,
  type DeploymentFailureRateResult,
} from './failureRates.ts';
import type { IncidentAttribution } from './incidents.ts';
import { leadTimeOfRange, type LeadTimeResult } from './leadTime.ts';
import type { DayRange, DeploymentDataGap } from './model.ts';
import type { PreparedDelivery } from './prepare.ts';
import {
  recoveryTimeOf,
  timeToRestore,
  type RecoveryTimeResult,
  type TimeToRestoreResult,
} from './recovery.ts';
import { reworkRateOf, type ReworkRateResult } from './rework.ts';
import { lowerBound, sliceBounds } from './stats.ts';

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

/** The items at `positions` that lie within [from, to), in order, as an exactly sized array. */
function at<T>(items: readonly T[], positions: Int32Array, from: number, to: number): T[] {
  const first = lowerBound(positions, from);
  const picked = new Array<T>(lowerBound(positions, to) - first);
  let n = 0;
  for (let i = 0; i < picked.length; i++) {
    const item = items[positions[first + i] ?? -1];
    if (item !== undefined) picked[n++] = item;
  }
  picked.length = n;
  return picked;
}

function incidentsCreatedIn(prepared: PreparedDelivery, period: DayRange): IncidentAttribution[] {
  const attributions: IncidentAttribution[] = [];
  const { incidents } = prepared;
  for (let i = 0; i < incidents.length; i++) {
    const incident = incidents[i];
    if (
      incident === undefined ||
      incident.createdDay < period.fromDay ||
      incident.createdDay > period.toDay
    ) {
      continue;
    }
    const attribution = prepared.attributionByIncident.get(incident.record.workItemId);
    if (attribution !== undefined) attributions.push(attribution);
  }
  return attributions;
}

/**
 * All delivery figures over an inclusive range of days. Each array is sorted by finish time, so the
 * period is a range of positions in each (two binary searches), and each figure reads the index.
 */
export function summarisePeriod(prepared: PreparedDelivery, period: DayRange): PeriodFigures {
  if (period.toDay < period.fromDay) throw new RangeError('a period must not end before it starts');
  const from = dayFromIndex(period.fromDay);
  const to = dayFromIndex(period.toDay);
  const restore = timeToRestore(prepared.incidents, period);
  const incidents = incidentsCreatedIn(prepared, period);
  const { gap, index } = prepared;
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
  const [s0, s1] = sliceBounds(prepared.successfulDays, period.fromDay, period.toDay);
  const [a0, a1] = sliceBounds(prepared.attemptDays, period.fromDay, period.toDay);
  const [l0, l1] = sliceBounds(prepared.leadTimeDays, period.fromDay, period.toDay);
  const successful = s1 - s0;
  const withChanges = (index.withChangesBefore[s1] ?? 0) - (index.withChangesBefore[s0] ?? 0);
  return {
    from,
    to,
    deploymentFrequency: index.daysAscending
      ? deploymentFrequencyOfRun(
          prepared.successful,
          prepared.successfulDays,
          s0,
          s1,
          period,
          index.dailyByDay,
        )
      : deploymentFrequency(prepared.successful.slice(s0, s1), period),
    leadTimeForChanges: leadTimeOfRange(index.leadTimes, l0, l1, successful),
    changeFailureRate: changeFailureRateOf(successful, at(prepared.successful, index.withIncidents, s0, s1)),
    deploymentFailureRate: deploymentFailureRateOf(
      a1 - a0,
      at(prepared.attempts, index.failedAttempts, a0, a1),
      (index.canceledBefore[a1] ?? 0) - (index.canceledBefore[a0] ?? 0),
    ),
    failedDeploymentRecoveryTime: recoveryTimeOf(
      successful,
      at(prepared.successful, index.withIncidents, s0, s1),
    ),
    timeToRestore: restore,
    reworkRate: reworkRateOf(
      successful,
      withChanges,
      at(prepared.successful, index.withRework, s0, s1),
      prepared.reworkEvidence,
    ),
    incidents,
  };
}
