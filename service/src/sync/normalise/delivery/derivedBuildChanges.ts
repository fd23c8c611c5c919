/**
 * The commits a production deployment brought, derived from the synced branch history instead of asked
 * of `build/changes?fromBuildId&toBuildId` (one request per pair of deployments, and cut at 200 commits).
 * Pure: it answers only when the stored history makes the answer exact, and otherwise says why not, so
 * the stream asks Azure DevOps instead. Exact means: both builds were made from the same repository and
 * branch, both commits are stored on that branch, the branch is stored completely up to the newer one
 * (its watermark has passed it), no commit of another branch of the repository lies in between, and no
 * commit shares a boundary's commit time (the order would be a guess).
 */

/** A stored commit of a synced branch. */
export interface BranchCommit {
  repository: string;
  /** Full ref, e.g. refs/heads/main. */
  branch: string;
  sha: string;
  committedAt: number;
}

/** Where a build came from (Build.repository, sourceBranch, sourceVersion). */
export interface BuildSource {
  repository: string | null;
  branch: string | null;
  sha: string | null;
}

export type DerivedChanges =
  { kind: 'derived'; repository: string; branch: string; shas: string[] } | { kind: 'ask'; reason: string };

/** Commits by repository, oldest first; built once per run. */
export class BranchHistory {
  private readonly byRepository = new Map<string, BranchCommit[]>();
  private readonly bySha = new Map<string, BranchCommit>();

  constructor(
    commits: readonly BranchCommit[],
    /** `${repository}:${branch}` → the commit time up to which the branch is stored completely. */
    private readonly completeUntil: ReadonlyMap<string, number>,
  ) {
    for (const commit of commits) {
      const repository = commit.repository.toLowerCase();
      const normalised = { ...commit, repository, sha: commit.sha.toLowerCase() };
      const list = this.byRepository.get(repository) ?? [];
      list.push(normalised);
      this.byRepository.set(repository, list);
      this.bySha.set(`${repository}:${normalised.sha}`, normalised);
    }
    for (const list of this.byRepository.values()) list.sort((a, b) => a.committedAt - b.committedAt);
  }

  /** The commits after `from` up to and including `to`, newest first (as the service lists them). */
  changesBetween(from: BuildSource, to: BuildSource): DerivedChanges {
    if (from.repository === null || to.repository === null || from.sha === null || to.sha === null) {
      return { kind: 'ask', reason: 'a build names no repository or commit' };
    }
    const repository = to.repository.toLowerCase();
    if (from.repository.toLowerCase() !== repository)
      return { kind: 'ask', reason: 'different repositories' };
    if (from.branch === null || from.branch !== to.branch)
      return { kind: 'ask', reason: 'different branches' };
    const branch = to.branch;
    const first = this.bySha.get(`${repository}:${from.sha.toLowerCase()}`);
    const last = this.bySha.get(`${repository}:${to.sha.toLowerCase()}`);
    if (first === undefined || last === undefined) return { kind: 'ask', reason: 'a commit is not stored' };
    if (first.branch !== branch || last.branch !== branch) {
      return { kind: 'ask', reason: 'a commit is stored for another branch' };
    }
    const complete = this.completeUntil.get(`${repository}:${branch}`);
    if (complete === undefined || complete < last.committedAt) {
      return { kind: 'ask', reason: 'the branch is not stored completely up to the newer build' };
    }
    if (first.sha === last.sha) return { kind: 'derived', repository, branch, shas: [] };
    if (first.committedAt >= last.committedAt)
      return { kind: 'ask', reason: 'the older build has the newer commit' };
    const commits = this.byRepository.get(repository) ?? [];
    const shas: string[] = [];
    for (const commit of commits) {
      if (commit.committedAt < first.committedAt || commit.committedAt > last.committedAt) continue;
      const boundary = commit.sha === first.sha || commit.sha === last.sha;
      if (
        !boundary &&
        (commit.committedAt === first.committedAt || commit.committedAt === last.committedAt)
      ) {
        return { kind: 'ask', reason: 'commits share a boundary commit time' };
      }
      if (commit.sha === first.sha) continue;
      if (commit.branch !== branch) return { kind: 'ask', reason: 'another branch has commits in between' };
      shas.push(commit.sha);
    }
    return { kind: 'derived', repository, branch, shas: shas.reverse() };
  }
}
