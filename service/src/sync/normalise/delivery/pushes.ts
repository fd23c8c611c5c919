import { z } from 'zod';
import type { CommitRow } from '../../../storage/delivery/repository.ts';
import type { CommitsContext } from './git.ts';
import { collection, instant } from './parse.ts';

/**
 * Pushes to a deployed branch (`GET …/pushes?searchCriteria.refName&searchCriteria.fromDate`, newest
 * first, `$top/$skip` offset paging) and each new push's commits (`GET …/commits?pushId=`, "Get Push
 * Commits": learn.microsoft.com/rest/api/azure/devops/git/commits/get-push-commits). A commit can be
 * pushed days after it was committed, so the commit-time listing alone misses it once its watermark moved on.
 */
export const pushesResponseSchema = collection(
  z.object({
    pushId: z.number().int().positive(),
    date: instant,
    /** With `searchCriteria.includeRefUpdates=true`: each ref the push moved, from and to which commit. */
    refUpdates: z
      .array(z.object({ name: z.string(), oldObjectId: z.string(), newObjectId: z.string() }))
      .nullish(),
  }),
);
export type ListedPush = z.output<typeof pushesResponseSchema>['value'][number];

export const pushCommitsResponseSchema = collection(
  z.object({
    commitId: z.string().min(1),
    author: z.object({ date: instant }),
    committer: z.object({ date: instant }),
  }),
);

/**
 * A push's commits as commit rows of the branch it went to. The answer has no work item links (Get Push
 * Commits takes no includeWorkItems) and no parents, so only commits not stored yet are added from it.
 */
export function toPushedCommitRows(
  context: CommitsContext,
  response: z.output<typeof pushCommitsResponseSchema>,
): CommitRow[] {
  const bySha = new Map<string, CommitRow>();
  for (const commit of response.value) {
    const sha = commit.commitId.toLowerCase();
    bySha.set(sha, {
      repository: context.repository.toLowerCase(),
      sha,
      project: context.project,
      branch: context.branch,
      authoredAt: commit.author.date,
      committedAt: commit.committer.date,
      workItemIds: [],
    });
  }
  return [...bySha.values()];
}

/** The push watermark of one branch: the newest push read (its id and time). */
export const pushPositionSchema = z.object({
  pushId: z.number().int().nonnegative(),
  date: z.iso.datetime({ offset: true }),
});
export type PushPosition = z.output<typeof pushPositionSchema>;

/** `${repositoryId}:${branch}` → the newest push read. */
export const pushesWatermarkSchema = z.record(z.string(), pushPositionSchema);

/**
 * The pushes to read of a listed page: those newer than the position (push ids grow with every push to a
 * repository; `fromDate` is inclusive, so pushes at the position's time come back and are left out by id).
 */
export function newPushes(position: PushPosition | undefined, listed: readonly ListedPush[]): ListedPush[] {
  return listed.filter((push) => position === undefined || push.pushId > position.pushId);
}

/** The position after reading `pushes`: the newest of them, or the previous one when none is newer. */
export function nextPushPosition(
  previous: PushPosition | undefined,
  pushes: readonly ListedPush[],
): PushPosition | undefined {
  let next = previous;
  for (const push of pushes) {
    if (next === undefined || push.pushId > next.pushId)
      next = { pushId: push.pushId, date: new Date(push.date).toISOString() };
  }
  return next;
}

/**
 * The new pushes whose commits must be asked. A push that moved the branch by exactly one commit already
 * listed (the new head, whose only parent is the old head: a squash merge, a single direct commit) brought
 * nothing the commits listing did not; any other push (several commits, a merge, a head not listed) is asked.
 */
export function pushesToAsk(
  pushes: readonly ListedPush[],
  branch: string,
  listedParents: ReadonlyMap<string, readonly string[] | null>,
): ListedPush[] {
  return pushes.filter((push) => {
    const update = push.refUpdates?.find(
      (candidate) => candidate.name.toLowerCase() === branch.toLowerCase(),
    );
    if (update === undefined) return true;
    const parents = listedParents.get(update.newObjectId.toLowerCase());
    return !(parents?.length === 1 && parents[0]?.toLowerCase() === update.oldObjectId.toLowerCase());
  });
}
