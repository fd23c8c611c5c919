import { z } from 'zod';
import type {
  CommitRow,
  PullRequestCommitRow,
  PullRequestRow,
} from '../../../storage/delivery/repository.ts';
import { collection, instant, numericId } from './parse.ts';

/** Only the GitPullRequest fields Seika reads; a completed pull request always has its closedDate. */
export const completedPullRequestSchema = z.object({
  pullRequestId: z.number().int().positive(),
  status: z.literal('completed'),
  repository: z.object({ id: z.string().min(1), project: z.object({ name: z.string().min(1) }) }),
  creationDate: instant,
  closedDate: instant,
  targetRefName: z.string().min(1),
  lastMergeCommit: z.object({ commitId: z.string().min(1) }).nullish(),
  workItemRefs: z.array(z.object({ id: numericId })).nullish(),
});
export const pullRequestsResponseSchema = collection(completedPullRequestSchema);
type CompletedPullRequest = z.output<typeof completedPullRequestSchema>;

export function toPullRequestRow(pullRequest: CompletedPullRequest): PullRequestRow {
  return {
    repository: pullRequest.repository.id.toLowerCase(),
    pullRequestId: pullRequest.pullRequestId,
    project: pullRequest.repository.project.name,
    targetBranch: pullRequest.targetRefName,
    createdAt: pullRequest.creationDate,
    mergedAt: pullRequest.closedDate,
    mergeCommitSha: pullRequest.lastMergeCommit?.commitId.toLowerCase() ?? null,
    // The list leaves workItemRefs out; only the single pull request (includeWorkItemRefs) has them.
    workItemIds:
      pullRequest.workItemRefs === null || pullRequest.workItemRefs === undefined
        ? null
        : [...new Set(pullRequest.workItemRefs.map((ref) => ref.id))],
  };
}

export const gitCommitSchema = z.object({
  commitId: z.string().min(1),
  author: z.object({ date: instant }),
  committer: z.object({ date: instant }),
  /** Parent SHAs, first parent first; absent when the answer leaves them out (then ancestry is unknown). */
  parents: z.array(z.string().min(1)).nullish(),
  workItems: z.array(z.object({ id: numericId })).nullish(),
});
export const commitsResponseSchema = collection(gitCommitSchema);
export const pullRequestCommitSchema = z.object({
  commitId: z.string().min(1),
  author: z.object({ date: instant }),
});
export const pullRequestCommitsResponseSchema = collection(pullRequestCommitSchema);

export function toPullRequestCommits(
  response: z.output<typeof pullRequestCommitsResponseSchema>,
): PullRequestCommitRow[] {
  const bySha = new Map<string, PullRequestCommitRow>();
  for (const commit of response.value) {
    const sha = commit.commitId.toLowerCase();
    bySha.set(sha, { sha, authoredAt: commit.author.date });
  }
  return [...bySha.values()];
}

export interface CommitsContext {
  project: string;
  repository: string;
  /** Full ref, e.g. refs/heads/main. */
  branch: string;
}

export function toCommitRows(
  context: CommitsContext,
  response: z.output<typeof commitsResponseSchema>,
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
      workItemIds: [...new Set((commit.workItems ?? []).map((ref) => ref.id))],
      ...(commit.parents === null || commit.parents === undefined
        ? {}
        : { parentIds: commit.parents.map((parent) => parent.toLowerCase()) }),
    });
  }
  return [...bySha.values()];
}
