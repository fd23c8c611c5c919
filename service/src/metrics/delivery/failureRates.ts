import { changeFailureRateBand } from './bands.ts';
import type { NoDeployments, NoIncidents, ProductionDeployment, ReferenceBand } from './model.ts';

export interface FailedDeployment {
  deploymentId: string;
  incidentIds: readonly number[];
}

export type ChangeFailureRateResult =
  | NoDeployments
  /** Successful deployments, none with an attributed incident: shown as "no incidents", not as 0%. */
  | (NoIncidents & { successfulDeployments: number })
  | {
      status: 'ok';
      /** Fraction, 0..1. */
      rate: number;
      failedDeployments: number;
      successfulDeployments: number;
      failed: readonly FailedDeployment[];
      reference: ReferenceBand;
    };

/**
 * Change failure rate (metric definitions, Delivery): successful production deployments with at
 * least one attributed incident ÷ successful production deployments.
 */
export function changeFailureRate(
  successfulInPeriod: readonly ProductionDeployment[],
): ChangeFailureRateResult {
  if (successfulInPeriod.length === 0) return { status: 'noDeployments' };
  const failed: FailedDeployment[] = [];
  for (const deployment of successfulInPeriod) {
    if (deployment.incidents.length > 0) {
      failed.push({
        deploymentId: deployment.record.id,
        incidentIds: deployment.incidents.map((i) => i.workItemId),
      });
    }
  }
  if (failed.length === 0) return { status: 'noIncidents', successfulDeployments: successfulInPeriod.length };
  const rate = failed.length / successfulInPeriod.length;
  return {
    status: 'ok',
    rate,
    failedDeployments: failed.length,
    successfulDeployments: successfulInPeriod.length,
    failed,
    reference: changeFailureRateBand(rate),
  };
}

export type DeploymentFailureRateResult =
  | NoDeployments
  | {
      status: 'ok';
      /** Fraction, 0..1. */
      rate: number;
      failedAttempts: number;
      /** Successful, failed and canceled attempts that finished in the period. */
      attempts: number;
      canceledAttempts: number;
      failedAttemptIds: readonly string[];
    };

/** Deployment failure rate: failed production attempts ÷ all production attempts that finished in the period. */
export function deploymentFailureRate(
  attemptsInPeriod: readonly ProductionDeployment[],
): DeploymentFailureRateResult {
  if (attemptsInPeriod.length === 0) return { status: 'noDeployments' };
  const failedAttemptIds: string[] = [];
  let canceledAttempts = 0;
  for (const attempt of attemptsInPeriod) {
    if (attempt.attemptClass === 'failed') failedAttemptIds.push(attempt.record.id);
    else if (attempt.attemptClass === 'canceled') canceledAttempts++;
  }
  return {
    status: 'ok',
    rate: failedAttemptIds.length / attemptsInPeriod.length,
    failedAttempts: failedAttemptIds.length,
    attempts: attemptsInPeriod.length,
    canceledAttempts,
    failedAttemptIds,
  };
}
