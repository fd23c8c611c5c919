import { z } from 'zod';
import {
  CLASSIC_DEPLOYMENT_STATUSES,
  outcomeOfClassicStatus,
  type ClassicDeploymentStatus,
  type DeploymentOutcome,
} from '../../../domain/delivery.ts';
import type { DeploymentRow } from '../../../storage/delivery/repository.ts';
import { collection, numericId, optionalInstant } from './parse.ts';

/** Release `DeploymentOperationStatus`, as the service spells it in payloads. */
export const CLASSIC_OPERATION_STATUSES = [
  'Undefined',
  'Queued',
  'Scheduled',
  'Pending',
  'Approved',
  'Rejected',
  'Deferred',
  'QueuedForAgent',
  'PhaseInProgress',
  'PhaseSucceeded',
  'PhasePartiallySucceeded',
  'PhaseFailed',
  'Canceled',
  'PhaseCanceled',
  'ManualInterventionPending',
  'QueuedForPipeline',
  'Cancelling',
  'EvaluatingGates',
  'GateFailed',
  'All',
] as const;
export type ClassicOperationStatus = (typeof CLASSIC_OPERATION_STATUSES)[number];

/**
 * What a `notDeployed` deployment is, by its operation: one still waiting (queue, approval, gates) has not
 * ended yet; one rejected at approval never ran; one canceled was canceled. Everything else keeps the
 * deploymentStatus mapping (notDeployed after PhaseFailed is a failure, as in the official example).
 */
const NOT_DEPLOYED_BY_OPERATION: Record<ClassicOperationStatus, DeploymentOutcome | 'byStatus'> = {
  Undefined: 'byStatus',
  Queued: 'inProgress',
  Scheduled: 'inProgress',
  Pending: 'inProgress',
  Approved: 'byStatus',
  Rejected: 'notRun',
  Deferred: 'inProgress',
  QueuedForAgent: 'inProgress',
  PhaseInProgress: 'inProgress',
  PhaseSucceeded: 'byStatus',
  PhasePartiallySucceeded: 'byStatus',
  PhaseFailed: 'byStatus',
  Canceled: 'canceled',
  PhaseCanceled: 'canceled',
  ManualInterventionPending: 'inProgress',
  QueuedForPipeline: 'inProgress',
  Cancelling: 'inProgress',
  EvaluatingGates: 'inProgress',
  GateFailed: 'byStatus',
  All: 'byStatus',
};

function operationOf(value: string | null | undefined): ClassicOperationStatus | undefined {
  if (value === null || value === undefined) return undefined;
  const lower = value.toLowerCase();
  return CLASSIC_OPERATION_STATUSES.find((status) => status.toLowerCase() === lower);
}

export function classicOutcome(
  status: ClassicDeploymentStatus,
  operationStatus: string | null | undefined,
): DeploymentOutcome {
  const operation = operationOf(operationStatus);
  if (status === 'notDeployed' && operation !== undefined) {
    const refined = NOT_DEPLOYED_BY_OPERATION[operation];
    if (refined !== 'byStatus') return refined;
  }
  return outcomeOfClassicStatus(status);
}

const artifactSchema = z.object({
  type: z.string().nullish(),
  isPrimary: z.boolean().nullish(),
  definitionReference: z
    .object({
      version: z.object({ id: z.string() }).nullish(),
      branch: z.object({ id: z.string() }).nullish(),
      sourceVersion: z.object({ id: z.string() }).nullish(),
      repository: z.object({ id: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

/** Only the classic release Deployment fields Seika reads (`vsrm …/_apis/release/deployments`). */
export const classicDeploymentSchema = z.object({
  id: z.number().int().positive(),
  attempt: z.number().int().positive(),
  deploymentStatus: z.enum(CLASSIC_DEPLOYMENT_STATUSES),
  operationStatus: z.string().nullish(),
  queuedOn: optionalInstant,
  startedOn: optionalInstant,
  completedOn: optionalInstant,
  lastModifiedOn: optionalInstant,
  release: z.object({ id: z.number().int(), artifacts: z.array(artifactSchema).nullish() }),
  releaseDefinition: z.object({ id: z.number().int(), name: z.string() }),
  releaseEnvironment: z.object({ id: z.number().int(), name: z.string().min(1) }),
  projectReference: z.object({ name: z.string().min(1) }).nullish(),
});
export const classicDeploymentsResponseSchema = collection(classicDeploymentSchema);
type ClassicDeployment = z.output<typeof classicDeploymentSchema>;
type Artifact = z.output<typeof artifactSchema>;

/** The build a release deploys: its primary Build artifact (or its only Build artifact). */
export function primaryBuildArtifact(artifacts: readonly Artifact[]): Artifact | undefined {
  const builds = artifacts.filter((artifact) => artifact.type === 'Build');
  return (
    builds.find((artifact) => artifact.isPrimary === true) ?? (builds.length === 1 ? builds[0] : undefined)
  );
}

function buildIdOf(artifact: Artifact | undefined): number | null {
  const id = artifact?.definitionReference?.version?.id;
  const parsed = numericId.safeParse(id);
  return parsed.success ? parsed.data : null;
}

export function toClassicDeployment(project: string, deployment: ClassicDeployment): DeploymentRow {
  const artifact = primaryBuildArtifact(deployment.release.artifacts ?? []);
  const reference = artifact?.definitionReference;
  const outcome = classicOutcome(deployment.deploymentStatus, deployment.operationStatus);
  const ended = outcome !== 'inProgress' && outcome !== 'unknown';
  return {
    id: `classicRelease:${deployment.id}`,
    source: 'classicRelease',
    project: deployment.projectReference?.name ?? project,
    pipelineId: deployment.releaseDefinition.id,
    pipelineName: deployment.releaseDefinition.name,
    environmentName: deployment.releaseEnvironment.name,
    stageName: deployment.releaseEnvironment.name,
    buildId: buildIdOf(artifact),
    releaseId: deployment.release.id,
    repository: reference?.repository?.id?.toLowerCase() || null,
    sourceBranch: reference?.branch?.id || null,
    sourceVersion: reference?.sourceVersion?.id.toLowerCase() || null,
    attempt: deployment.attempt,
    queuedAt: deployment.queuedOn,
    startedAt: deployment.startedOn,
    // Older payloads (the official example) have no completedOn: the last modification ends a finished one.
    finishedAt: ended ? (deployment.completedOn ?? deployment.lastModifiedOn) : null,
    outcome,
    rawResult: deployment.deploymentStatus,
  };
}
