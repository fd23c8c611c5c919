import { z } from 'zod';
import type { BuildRow } from '../../../storage/delivery/repository.ts';
import { collection, instant, optionalInstant } from './parse.ts';

const BUILD_STATUSES = [
  'none',
  'inProgress',
  'completed',
  'cancelling',
  'postponed',
  'notStarted',
  'all',
] as const;
const BUILD_RESULTS = ['none', 'succeeded', 'partiallySucceeded', 'failed', 'canceled'] as const;

/** Only the Build fields Seika reads (`_apis/build/builds`). */
export const buildSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(BUILD_STATUSES),
  result: z.enum(BUILD_RESULTS).nullish(),
  reason: z.string().nullish(),
  queueTime: instant,
  startTime: optionalInstant,
  finishTime: optionalInstant,
  definition: z.object({ id: z.number().int(), name: z.string() }),
  project: z.object({ name: z.string().min(1) }).nullish(),
  sourceBranch: z.string().nullish(),
  sourceVersion: z.string().nullish(),
  repository: z.object({ id: z.string().nullish() }).nullish(),
});
export const buildsResponseSchema = collection(buildSchema);

/** A build is final once completed; any other status is re-read until it is. */
export function isBuildFinal(build: Pick<BuildRow, 'status'>): boolean {
  return build.status === 'completed';
}

export function toBuildRow(project: string, build: z.output<typeof buildSchema>): BuildRow {
  return {
    id: build.id,
    project: build.project?.name ?? project,
    definitionId: build.definition.id,
    definitionName: build.definition.name,
    status: build.status,
    result: build.result ?? null,
    reason: build.reason ?? null,
    queuedAt: build.queueTime,
    startedAt: build.startTime,
    finishedAt: build.finishTime,
    sourceBranch: build.sourceBranch || null,
    sourceVersion: build.sourceVersion?.toLowerCase() || null,
    repository: build.repository?.id?.toLowerCase() || null,
  };
}

/** `GET build/changes` and `builds/{id}/changes`: a Change's id is the commit SHA for Git repositories. */
export const buildChangeSchema = z.object({ id: z.string().min(1) });
export const buildChangesResponseSchema = collection(buildChangeSchema);

export function toCommitShas(response: z.output<typeof buildChangesResponseSchema>): string[] {
  return [...new Set(response.value.map((change) => change.id.toLowerCase()))];
}
