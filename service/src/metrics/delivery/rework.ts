import type { ChangeRecord } from '../../domain/delivery.ts';
import { changesOfBuild, type ChangesByBuild } from './buildChanges.ts';
import type { NoDeployments, ProductionDeployment, ReworkEvidence } from './model.ts';

export interface ReworkDeployment {
  deploymentId: string;
  evidence: readonly ReworkEvidence[];
}

export type ReworkRateResult =
  | NoDeployments
  /** No successful deployment of the period has a linked change, so rework cannot be judged. */
  | { status: 'noChanges'; successfulDeployments: number }
  | {
      status: 'ok';
      /** Fraction, 0..1. */
      rate: number;
      reworkDeployments: number;
      successfulDeployments: number;
      deployments: readonly ReworkDeployment[];
    };

/** The work item links that make these changes rework. An incident that is also a Bug counts as an incident. */
export function reworkEvidenceOf(
  changes: readonly ChangeRecord[],
  incidentIds: ReadonlySet<number>,
  bugIds: ReadonlySet<number>,
): ReworkEvidence[] {
  const evidence: ReworkEvidence[] = [];
  for (const change of changes) {
    for (const workItemId of change.workItemIds) {
      if (incidentIds.has(workItemId))
        evidence.push({ changeId: change.id, workItemId, linkedTo: 'incident' });
      else if (bugIds.has(workItemId)) evidence.push({ changeId: change.id, workItemId, linkedTo: 'bug' });
    }
  }
  return evidence;
}

/** Rework evidence of every build that has some, computed once: a build can be deployed many times. */
export function reworkEvidenceByBuild(
  grouped: ChangesByBuild,
  incidentIds: ReadonlySet<number>,
  bugIds: ReadonlySet<number>,
): Map<number, ReworkEvidence[]> {
  const isRework = (change: ChangeRecord | undefined) =>
    change?.workItemIds.some((id) => incidentIds.has(id) || bugIds.has(id)) === true;
  const byBuild = new Map<number, ReworkEvidence[]>();
  for (const [buildId, indices] of grouped.byBuild) {
    // Most builds fix nothing: test before allocating anything.
    if (!indices.some((index) => isRework(grouped.changes[index]))) continue;
    byBuild.set(buildId, reworkEvidenceOf(changesOfBuild(grouped, buildId), incidentIds, bugIds));
  }
  return byBuild;
}

/**
 * Rework rate (metric definitions, Delivery): successful production deployments whose changes (all
 * changes linked to the deployed build) are linked to an incident or to a Bug ÷ successful
 * production deployments.
 */
export function reworkRate(successfulInPeriod: readonly ProductionDeployment[]): ReworkRateResult {
  if (successfulInPeriod.length === 0) return { status: 'noDeployments' };
  const deployments: ReworkDeployment[] = [];
  let withChanges = 0;
  for (const deployment of successfulInPeriod) {
    if (deployment.changeCount === 0) continue;
    withChanges++;
    if (deployment.reworkEvidence.length > 0) {
      deployments.push({ deploymentId: deployment.record.id, evidence: deployment.reworkEvidence });
    }
  }
  if (withChanges === 0) return { status: 'noChanges', successfulDeployments: successfulInPeriod.length };
  return {
    status: 'ok',
    rate: deployments.length / successfulInPeriod.length,
    reworkDeployments: deployments.length,
    successfulDeployments: successfulInPeriod.length,
    deployments,
  };
}
