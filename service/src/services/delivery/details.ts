/** The detail form of each figure family: the summary numbers plus what they are made of. */
import type { DetailFigures } from '../../contract/index.ts';
import type {
  ChangeFailureRateResult,
  DeploymentFailureRateResult,
  DeploymentFrequencyResult,
  LeadTimeResult,
  LeadTimeSample,
  PeriodFigures,
  RecoveryTimeResult,
  ReworkRateResult,
  TimeToRestoreResult,
} from '../../metrics/delivery/index.ts';
import {
  changeFailureSummary,
  deploymentFailureSummary,
  FigureMapper,
  frequencySummary,
  hoursOf,
  isoOf,
  leadTimeSummary,
  recoverySummary,
  restoreSummary,
  reworkSummary,
  type FigureContext,
  type Ok,
} from './figures.ts';

export function leadTimeSampleAnswer(sample: LeadTimeSample) {
  const pullRequest = sample.kind === 'pullRequest';
  return {
    changeId: sample.changeId,
    kind: sample.kind,
    deploymentId: sample.deploymentId,
    pipelineKey: sample.pipelineKey,
    firstCommitAt: isoOf(sample.firstCommitAuthoredAt),
    deployedAt: isoOf(sample.deployedAt),
    leadTimeHours: hoursOf(sample.leadTimeMs),
    codingHours: pullRequest ? hoursOf(sample.codingMs) : null,
    reviewHours: pullRequest ? hoursOf(sample.reviewMs) : null,
    waitingForDeploymentHours: pullRequest ? hoursOf(sample.waitingForDeploymentMs) : null,
    codingToDeploymentHours: pullRequest ? null : hoursOf(sample.codingToDeploymentMs),
  };
}

const frequencyDetail = (result: Ok<DeploymentFrequencyResult>) => ({
  ...frequencySummary(result),
  daily: result.daily.map((row) => ({
    day: row.day,
    deployments: row.deployments,
    deploymentIds: [...row.deploymentIds],
  })),
  weekly: result.weekly.map(({ label, deploymentDays, daysInPeriod }) => ({
    weekStart: label,
    deploymentDays,
    daysInPeriod,
  })),
  monthly: result.monthly.map(({ label, deploymentDays, daysInPeriod }) => ({
    month: label,
    deploymentDays,
    daysInPeriod,
  })),
});

const leadTimeDetail = (result: Ok<LeadTimeResult>) => ({
  ...leadTimeSummary(result),
  samples: result.samples.map(leadTimeSampleAnswer),
});

const changeFailureDetail = (result: Ok<ChangeFailureRateResult>) => ({
  ...changeFailureSummary(result),
  failed: result.failed.map(({ deploymentId, incidentIds }) => ({
    deploymentId,
    incidentIds: [...incidentIds],
  })),
});

const deploymentFailureDetail = (result: Ok<DeploymentFailureRateResult>) => ({
  ...deploymentFailureSummary(result),
  failedAttemptIds: [...result.failedAttemptIds],
});

const recoveryDetail = (result: Ok<RecoveryTimeResult>) => ({
  ...recoverySummary(result),
  samples: result.samples.map((sample) => ({
    incidentId: sample.incidentId,
    deploymentId: sample.deploymentId,
    deploymentFinishedAt: isoOf(sample.deploymentFinishedAt),
    incidentCompletedAt: isoOf(sample.incidentCompletedAt),
    recoveryHours: hoursOf(sample.recoveryMs),
  })),
});

const restoreDetail = (result: Ok<TimeToRestoreResult>) => ({
  ...restoreSummary(result),
  samples: result.samples.map((sample) => ({
    incidentId: sample.incidentId,
    createdAt: isoOf(sample.createdAt),
    completedAt: isoOf(sample.completedAt),
    restoreHours: hoursOf(sample.restoreMs),
  })),
});

function reworkDetail(context: FigureContext) {
  return (result: Ok<ReworkRateResult>) => ({
    ...reworkSummary(result),
    deployments: result.deployments.map(({ deploymentId, evidence }) => ({
      deploymentId,
      evidence: evidence.map(({ changeId, workItemId, linkedTo }) => ({
        changeId,
        workItemId,
        linkedTo,
        workItemUrl: context.links.workItem(context.project, workItemId),
      })),
    })),
  });
}

/** Each figure endpoint's section, from the window's figures. */
export function detailSections(window: PeriodFigures, context: FigureContext) {
  const map = new FigureMapper(window, context);
  const detail = {
    deploymentFrequency: (): DetailFigures['deploymentFrequency'] =>
      map.frequency(window.deploymentFrequency, frequencyDetail),
    leadTimeForChanges: (): DetailFigures['leadTimeForChanges'] =>
      map.leadTime(window.leadTimeForChanges, leadTimeDetail),
    changeFailureRate: (): DetailFigures['changeFailureRate'] =>
      map.changeFailure(window.changeFailureRate, changeFailureDetail),
    deploymentFailureRate: (): DetailFigures['deploymentFailureRate'] =>
      map.deploymentFailure(window.deploymentFailureRate, deploymentFailureDetail),
    failedDeploymentRecoveryTime: (): DetailFigures['failedDeploymentRecoveryTime'] =>
      map.recovery(window.failedDeploymentRecoveryTime, recoveryDetail),
    timeToRestore: (): DetailFigures['timeToRestore'] => map.restore(window.timeToRestore, restoreDetail),
    reworkRate: (): DetailFigures['reworkRate'] => map.rework(window.reworkRate, reworkDetail(context)),
  };
  return {
    deploymentFrequency: () => ({ deploymentFrequency: detail.deploymentFrequency() }),
    leadTime: () => ({ leadTimeForChanges: detail.leadTimeForChanges() }),
    changeFailureRate: () => ({
      changeFailureRate: detail.changeFailureRate(),
      deploymentFailureRate: map.deploymentFailure(window.deploymentFailureRate, deploymentFailureSummary),
    }),
    deploymentFailureRate: () => ({ deploymentFailureRate: detail.deploymentFailureRate() }),
    recoveryTime: () => ({
      failedDeploymentRecoveryTime: detail.failedDeploymentRecoveryTime(),
      timeToRestore: detail.timeToRestore(),
    }),
    reworkRate: () => ({ reworkRate: detail.reworkRate() }),
  };
}
