import { z } from 'zod';

/**
 * Delivery watermarks. Each stream keeps one JSON value with a position per project (or environment,
 * repository branch) so a new project or environment starts from the beginning on its own. Positions
 * are inclusive: the item at the position is read again, and the idempotent upserts make that harmless.
 */

const isoTime = z.iso.datetime({ offset: true });

export const buildsWatermarkSchema = z.record(
  z.string(),
  z.object({
    queuedFrom: isoTime.nullable(),
    pending: z.array(z.number().int().positive()),
    /** A digest of the last answer about the pending builds: it moves when one of them progresses. */
    pendingDigest: z.string().optional(),
  }),
);
export type BuildsWatermark = z.output<typeof buildsWatermarkSchema>;
export type BuildsPosition = BuildsWatermark[string];

/** Lowest record id still to read per `${projectId}/${environmentId}`. */
export const environmentsWatermarkSchema = z.record(z.string(), z.number().int().nonnegative());
/** `minStartedTime` per project id. */
export const releasesWatermarkSchema = z.record(z.string(), isoTime);
/** `pr:${projectId}` → closed time; `commits:${repositoryId}:${branch}` → commit time. */
export const pullRequestsWatermarkSchema = z.record(z.string(), isoTime);

const BRANCH_COMMITS = 'commits:';

/** The changes watermark's key of a branch: its commits are stored from the start up to the time kept. */
export function branchCommitsKey(repositoryId: string, branch: string): string {
  return `${BRANCH_COMMITS}${repositoryId}:${branch}`;
}

/** The push watermark's key of a branch (`git.changes#pushes`): the newest push read. */
export function branchPushesKey(repositoryId: string, branch: string): string {
  return `${repositoryId}:${branch}`;
}

/** `${repositoryId}:${branch}` → the commit time up to which the branch is stored completely. */
export function branchesStoredUntil(
  watermark: z.output<typeof pullRequestsWatermarkSchema>,
): Map<string, number> {
  const until = new Map<string, number>();
  for (const [key, time] of Object.entries(watermark)) {
    if (key.startsWith(BRANCH_COMMITS)) until.set(key.slice(BRANCH_COMMITS.length), Date.parse(time));
  }
  return until;
}

export class UnreadableWatermarkError extends Error {
  constructor(stream: string, detail: string) {
    super(`The stored watermark of ${stream} cannot be read (${detail}); it was left as it is`);
    this.name = 'UnreadableWatermarkError';
  }
}

export function readWatermark<S extends z.ZodType>(
  stream: string,
  schema: S,
  value: string | undefined,
): z.output<S> | undefined {
  if (value === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new UnreadableWatermarkError(stream, 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new UnreadableWatermarkError(stream, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

const iso = (time: number): string => new Date(time).toISOString();
const timeOf = (value: string | null | undefined): number | undefined =>
  value === null || value === undefined ? undefined : Date.parse(value);

function latest(previous: number | undefined, times: readonly number[]): number | undefined {
  let result = previous;
  for (const time of times) if (result === undefined || time > result) result = time;
  return result;
}

/**
 * Builds: the next list starts at the latest queue time listed; builds that had not completed are kept
 * by id and asked for again (`buildIds=`) until they have, however long they wait.
 */
export function nextBuildsPosition(
  previous: BuildsPosition | undefined,
  listedQueueTimes: readonly number[],
  latestById: ReadonlyMap<number, { final: boolean }>,
): BuildsPosition {
  const from = latest(timeOf(previous?.queuedFrom), listedQueueTimes);
  const pending = [...latestById].filter(([, build]) => !build.final).map(([id]) => id);
  return { queuedFrom: from === undefined ? null : iso(from), pending: pending.sort((a, b) => a - b) };
}

/**
 * Environment records come newest first: the next run reads down to the oldest record that had no
 * result yet, or else to the newest record seen.
 */
export function nextEnvironmentFloor(
  previous: number | undefined,
  records: readonly { id: number; final: boolean }[],
): number {
  const open = records.filter((record) => !record.final).map((record) => record.id);
  if (open.length > 0) return Math.min(...open);
  return Math.max(previous ?? 0, ...records.map((record) => record.id));
}

/**
 * True once a newest-first page reached the floor: everything older was read (and final) before. A page
 * not in newest-first order never stops the reading early: then every record is read, as on a first run.
 */
export function reachedFloor(floor: number | undefined, ids: readonly number[]): boolean {
  const newestFirst = ids.every((id, index) => index === 0 || id < (ids[index - 1] ?? id));
  return newestFirst && floor !== undefined && floor > 0 && ids.some((id) => id <= floor);
}

/** Classic deployments: from the earliest start still running, or else the latest start seen. */
export function nextReleasesFrom(
  previous: string | undefined,
  deployments: readonly { startedAt: number | null; final: boolean }[],
): string | undefined {
  const running = deployments
    .filter((deployment) => !deployment.final && deployment.startedAt !== null)
    .map((deployment) => deployment.startedAt ?? 0);
  if (running.length > 0) return iso(Math.min(...running));
  const started = deployments.flatMap((deployment) =>
    deployment.startedAt === null ? [] : [deployment.startedAt],
  );
  const from = latest(timeOf(previous), started);
  return from === undefined ? undefined : iso(from);
}

/** Pull requests (closed time) and commits (commit time): the latest time seen. */
export function nextTimeFrom(previous: string | undefined, times: readonly number[]): string | undefined {
  const from = latest(timeOf(previous), times);
  return from === undefined ? undefined : iso(from);
}
