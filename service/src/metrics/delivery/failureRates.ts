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
  return changeFailureRateOf(
    successfulInPeriod.length,
    successfulInPeriod.filter((d) => d.incidents.length > 0),
  );
}

/** The rate from its parts: deployments in the period, and those of them with attributed incidents. */
export function changeFailureRateOf(
  successfulDeployments: number,
  withIncidents: readonly ProductionDeployment[],
): ChangeFailureRateResult {
  if (successfulDeployments === 0) return { status: 'noDeployments' };
  const failed = withIncidents.map((deployment): FailedDeployment => ({
    deploymentId: deployment.record.id,
    incidentIds: deployment.incidents.map((i) => i.workItemId),
  }));
  if (failed.length === 0) return { status: 'noIncidents', successfulDeployments };
  const rate = failed.length / successfulDeployments;
  return {
    status: 'ok',
    rate,
    failedDeployments: failed.length,
    successfulDeployments,
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
  let canceledAttempts = 0;
  for (const attempt of attemptsInPeriod) if (attempt.attemptClass === 'canceled') canceledAttempts++;
  return deploymentFailureRateOf(
    attemptsInPeriod.length,
    attemptsInPeriod.filter((a) => a.attemptClass === 'failed'),
    canceledAttempts,
  );
}

/** The rate from its parts: attempts in the period, the failed ones among them, and how many were canceled. */
export function deploymentFailureRateOf(
  attempts: number,
  failed: readonly ProductionDeployment[],
  canceledAttempts: number,
): DeploymentFailureRateResult {
  if (attempts === 0) return { status: 'noDeployments' };
  const failedAttemptIds = failed.map((attempt) => attempt.record.id);
  return {
    status: 'ok',
    rate: failedAttemptIds.length / attempts,
    failedAttempts: failedAttemptIds.length,
    attempts,
    canceledAttempts,
    failedAttemptIds,
  };
}
