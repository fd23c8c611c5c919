import { z } from 'zod';
import { ENVIRONMENT_DEPLOYMENT_RESULTS, outcomeOfEnvironmentResult } from '../../../domain/delivery.ts';
import type { DeploymentRow } from '../../../storage/delivery/repository.ts';
import { collection, optionalInstant } from './parse.ts';

/** `GET distributedtask/environments`: only what names the records' context. */
export const environmentsResponseSchema = collection(
  z.object({ id: z.number().int().positive(), name: z.string().min(1) }),
);

/** Only the EnvironmentDeploymentExecutionRecord fields Seika reads. */
export const environmentRecordSchema = z.object({
  id: z.number().int().positive(),
  definition: z.object({ id: z.number().int(), name: z.string() }),
  owner: z.object({ id: z.number().int() }).nullish(),
  planType: z.string().nullish(),
  stageName: z.string().min(1),
  stageAttempt: z.number().int().positive().nullish(),
  queueTime: optionalInstant,
  startTime: optionalInstant,
  finishTime: optionalInstant,
  result: z.enum(ENVIRONMENT_DEPLOYMENT_RESULTS).nullish(),
});
export const environmentRecordsResponseSchema = collection(environmentRecordSchema);

export interface EnvironmentContext {
  project: string;
  environment: { id: number; name: string };
}

/**
 * A YAML deployment record. Its build's commit, branch and repository are not in the record: they are
 * read from the builds stream's rows when the deployments are read (owner.id is the build id).
 */
export function toEnvironmentDeployment(
  context: EnvironmentContext,
  record: z.output<typeof environmentRecordSchema>,
): DeploymentRow {
  const result = record.result ?? null;
  // Build-plan records are owned by the run (= build); other plan types have no build behind them.
  const isBuildPlan = (record.planType ?? 'Build').toLowerCase() === 'build';
  return {
    id: `environment:${record.id}`,
    source: 'environment',
    project: context.project,
    pipelineId: record.definition.id,
    pipelineName: record.definition.name,
    environmentName: context.environment.name,
    stageName: record.stageName,
    buildId: isBuildPlan ? (record.owner?.id ?? null) : null,
    releaseId: null,
    repository: null,
    sourceBranch: null,
    sourceVersion: null,
    attempt: record.stageAttempt ?? 1,
    queuedAt: record.queueTime,
    startedAt: record.startTime,
    finishedAt: result === null ? null : record.finishTime,
    outcome: result === null ? 'inProgress' : outcomeOfEnvironmentResult(result),
    rawResult: result,
  };
}

/** A record without a result is still running: it is read again until it has one. */
export function isDeploymentFinal(row: Pick<DeploymentRow, 'outcome'>): boolean {
  return row.outcome !== 'inProgress' && row.outcome !== 'unknown';
}
