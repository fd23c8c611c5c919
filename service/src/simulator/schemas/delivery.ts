import { z } from 'zod';
import { collection, dateString, identityRefSchema, projectRefSchema } from './common.ts';

const taskResult = z.enum(['succeeded', 'succeededWithIssues', 'failed', 'canceled', 'skipped', 'abandoned']);

export const buildSchema = z.object({
  id: z.number().int(),
  buildNumber: z.string(),
  status: z.enum(['notStarted', 'inProgress', 'completed', 'cancelling', 'postponed']),
  result: z.enum(['succeeded', 'partiallySucceeded', 'failed', 'canceled']).optional(),
  queueTime: dateString,
  startTime: dateString.optional(),
  finishTime: dateString.optional(),
  reason: z.string(),
  sourceBranch: z.string(),
  sourceVersion: z.string(),
  definition: z.object({ id: z.number().int(), name: z.string() }),
  project: projectRefSchema,
  repository: z.object({ id: z.string(), type: z.string() }),
  requestedFor: identityRefSchema,
});
export const buildsSchema = collection(buildSchema);

export const changeSchema = z.object({
  id: z.string(),
  message: z.string(),
  type: z.string(),
  author: identityRefSchema.partial(),
  timestamp: dateString,
});
export const timelineSchema = z.object({
  id: z.string(),
  records: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      type: z.string(),
      name: z.string(),
      identifier: z.string().nullable(),
      state: z.enum(['pending', 'inProgress', 'completed']),
      result: taskResult.optional(),
      startTime: dateString.optional(),
      finishTime: dateString.optional(),
      attempt: z.number().int(),
    }),
  ),
});

export const runSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.enum(['unknown', 'inProgress', 'canceling', 'completed']),
  result: z.enum(['unknown', 'succeeded', 'failed', 'canceled']).optional(),
  createdDate: dateString,
  finishedDate: dateString.optional(),
  pipeline: z.object({ id: z.number().int(), name: z.string() }),
});
export const runsSchema = collection(runSchema);

export const environmentSchema = z.object({ id: z.number().int(), name: z.string() });
export const deploymentRecordSchema = z.object({
  id: z.number().int(),
  environmentId: z.number().int(),
  planId: z.string(),
  stageName: z.string(),
  stageAttempt: z.number().int(),
  jobName: z.string(),
  definition: z.object({ id: z.number().int(), name: z.string() }),
  owner: z.object({ id: z.number().int(), name: z.string() }),
  queueTime: dateString,
  startTime: dateString.optional(),
  finishTime: dateString.optional(),
  result: taskResult.optional(),
});
export const deploymentRecordsSchema = collection(deploymentRecordSchema);

const named = z.object({ id: z.number().int(), name: z.string() });
export const releaseDeploymentSchema = z.object({
  id: z.number().int(),
  release: named,
  releaseDefinition: named,
  releaseEnvironment: named,
  definitionEnvironmentId: z.number().int(),
  attempt: z.number().int(),
  reason: z.string(),
  deploymentStatus: z.enum([
    'undefined',
    'notDeployed',
    'inProgress',
    'succeeded',
    'partiallySucceeded',
    'failed',
  ]),
  operationStatus: z.string(),
  queuedOn: dateString,
  startedOn: dateString.optional(),
  completedOn: dateString.optional(),
  lastModifiedOn: dateString,
  requestedBy: identityRefSchema,
  requestedFor: identityRefSchema,
});
export const releaseDeploymentsSchema = collection(releaseDeploymentSchema);
