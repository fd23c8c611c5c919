import { z } from 'zod';

/**
 * Which completed pull requests the delivery metrics need: those whose target branch reaches a deployed
 * branch, directly or through later pull requests (feature → release → main). Only those get their
 * details and commits asked for; the others wait (as `deferred`) until their branch is seen to reach a
 * deployed one, or until they fall out of the backfill horizon.
 */
export interface ListedPullRequest {
  project: string;
  repository: string;
  pullRequestId: number;
  sourceBranch: string;
  targetBranch: string;
  mergedAt: number;
  /** Its merge commit: once in a deployed branch's history (merged on without a pull request), it counts. */
  mergeCommitSha: string | null;
}

export const listedPullRequestsSchema = z.object({
  value: z.array(
    z.object({
      pullRequestId: z.number().int().positive(),
      repository: z.object({ id: z.string().min(1) }),
      sourceRefName: z.string().min(1),
    }),
  ),
});

const deferredSchema = z.object({
  project: z.string(),
  repository: z.string(),
  pullRequestId: z.number().int().positive(),
  sourceBranch: z.string(),
  targetBranch: z.string(),
  mergedAt: z.iso.datetime({ offset: true }),
  mergeCommitSha: z.string().nullable().default(null),
});

/** Kept beside the changes watermark (`git.changes#backfill`). */
export const changesBackfillSchema = z.object({
  /** Pull requests listed whose branch did not reach a deployed branch yet. */
  deferred: z.array(deferredSchema).default([]),
  /** Per project: the pull requests at the watermark's closed time, whose details were already asked. */
  atWatermark: z.record(z.string(), z.array(z.string())).default({}),
  /** Branches (`repository|branch`, lower case) found to reach a deployed branch through pull requests. */
  reaching: z.array(z.string()).default([]),
  /** Each repository's default branch, from its last repositories list. */
  defaultBranches: z.record(z.string(), z.string()).default({}),
});
export type ChangesBackfill = z.output<typeof changesBackfillSchema>;

export const pullRequestKey = (pullRequest: { repository: string; pullRequestId: number }): string =>
  `${pullRequest.repository.toLowerCase()}|${pullRequest.pullRequestId}`;

const branchKey = (repository: string, branch: string): string =>
  `${repository.toLowerCase()}|${branch.toLowerCase()}`;

/**
 * Splits the pull requests into those to ask about and those to keep waiting. A branch reaches
 * production when it is deployed (or the repository's default branch), or when a completed pull request
 * from it targets a branch that does. A pull request into another branch also counts once its merge
 * commit is in the stored history of a deployed branch (`inDeployedHistory`, asked only for those left).
 */
export function partitionByReach(
  pullRequests: readonly ListedPullRequest[],
  deployed: ReadonlyMap<string, readonly string[]>,
  defaultBranches: Readonly<Record<string, string>>,
  learnt: readonly string[] = [],
  inDeployedHistory: (repository: string, sha: string) => boolean = () => false,
): { needed: ListedPullRequest[]; deferred: ListedPullRequest[]; reaching: string[] } {
  const base = new Set<string>();
  for (const [repository, branches] of deployed) {
    for (const branch of branches) base.add(branchKey(repository, branch));
  }
  for (const [repository, branch] of Object.entries(defaultBranches)) base.add(branchKey(repository, branch));
  const reaching = new Set<string>([...base, ...learnt]);
  for (let grew = true; grew;) {
    grew = false;
    for (const pullRequest of pullRequests) {
      const source = branchKey(pullRequest.repository, pullRequest.sourceBranch);
      if (
        reaching.has(branchKey(pullRequest.repository, pullRequest.targetBranch)) &&
        !reaching.has(source)
      ) {
        reaching.add(source);
        grew = true;
      }
    }
  }
  const needed: ListedPullRequest[] = [];
  const deferred: ListedPullRequest[] = [];
  for (const pullRequest of pullRequests) {
    const reaches =
      reaching.has(branchKey(pullRequest.repository, pullRequest.targetBranch)) ||
      (pullRequest.mergeCommitSha !== null &&
        inDeployedHistory(pullRequest.repository.toLowerCase(), pullRequest.mergeCommitSha.toLowerCase()));
    (reaches ? needed : deferred).push(pullRequest);
  }
  // Kept for later runs: branches that pull requests target (release, develop …) and that were found to
  // reach; not every feature branch merged once. One forgotten only waits until its next promotion.
  const targets = new Set(
    pullRequests.map((pullRequest) => branchKey(pullRequest.repository, pullRequest.targetBranch)),
  );
  const taught = [...reaching].filter((branch) => !base.has(branch) && targets.has(branch));
  return { needed, deferred, reaching: taught.sort() };
}

/**
 * The oldest closed time the backfill keeps: the horizon counts back from the newest completed pull
 * request known (the organization's own time, so a quiet organization keeps its last active year).
 */
export function horizonCutoff(newest: number | undefined, horizonDays: number): number | undefined {
  return newest === undefined ? undefined : newest - horizonDays * 86_400_000;
}

export function toDeferred(pullRequest: ListedPullRequest): ChangesBackfill['deferred'][number] {
  return { ...pullRequest, mergedAt: new Date(pullRequest.mergedAt).toISOString() };
}

export function fromDeferred(deferred: ChangesBackfill['deferred'][number]): ListedPullRequest {
  return { ...deferred, mergedAt: Date.parse(deferred.mergedAt) };
}
