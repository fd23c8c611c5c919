/**
 * The commits a production deployment brought, derived from the synced branch history instead of asked
 * of `build/changes?fromBuildId&toBuildId` (one request per pair of deployments, and cut at 200 commits).
 * Pure: it answers only when the stored history proves the answer, and otherwise says why not, so the
 * stream asks Azure DevOps instead.
 *
 * Which deployment first contains a commit is a question of ancestry, not of commit time: a commit made
 * earlier but pushed later (a `git pull` merge, a rebase, a cherry-pick, clocks that disagree) sits among
 * older commits by time. So the answer is derived only where the history between the two builds is
 * provably linear: walking from the newer build's commit, every commit has its parents stored and exactly
 * one of them, and the walk reaches the older build's commit. A merge commit, a commit whose parents are
 * unknown or not stored, or a walk that never meets the older commit (a rollback, a rewritten branch)
 * declines. Besides, both builds must be of the same repository and branch, and the branch stored
 * completely up to the newer commit (its watermark has passed it).
 */

/** A stored commit of a synced branch. */
export interface BranchCommit {
  repository: string;
  /** Full ref the commit was read from, e.g. refs/heads/main. */
  branch: string;
  sha: string;
  committedAt: number;
  /** Parent SHAs, first parent first; null when not known. */
  parentIds: readonly string[] | null;
}

/** Where a build came from (Build.repository, sourceBranch, sourceVersion). */
export interface BuildSource {
  repository: string | null;
  branch: string | null;
  sha: string | null;
}

export type DerivedChanges =
  { kind: 'derived'; repository: string; branch: string; shas: string[] } | { kind: 'ask'; reason: string };

const ask = (reason: string): DerivedChanges => ({ kind: 'ask', reason });

/** Commits by repository and SHA; built once per run. */
export class BranchHistory {
  private readonly bySha = new Map<string, BranchCommit>();

  constructor(
    commits: readonly BranchCommit[],
    /** `${repository}:${branch}` → the commit time up to which the branch is stored completely. */
    private readonly completeUntil: ReadonlyMap<string, number>,
  ) {
    for (const commit of commits) {
      const repository = commit.repository.toLowerCase();
      const sha = commit.sha.toLowerCase();
      const parentIds = commit.parentIds?.map((parent) => parent.toLowerCase()) ?? null;
      this.bySha.set(`${repository}:${sha}`, { ...commit, repository, sha, parentIds });
    }
  }

  /** The commits after `from` up to and including `to`, newest first (as the service lists them). */
  changesBetween(from: BuildSource, to: BuildSource): DerivedChanges {
    if (from.repository === null || to.repository === null || from.sha === null || to.sha === null) {
      return ask('a build names no repository or commit');
    }
    const repository = to.repository.toLowerCase();
    if (from.repository.toLowerCase() !== repository) return ask('different repositories');
    if (from.branch === null || from.branch !== to.branch) return ask('different branches');
    const branch = to.branch;
    const first = this.bySha.get(`${repository}:${from.sha.toLowerCase()}`);
    const last = this.bySha.get(`${repository}:${to.sha.toLowerCase()}`);
    if (first === undefined || last === undefined) return ask('a commit is not stored');
    const complete = this.completeUntil.get(`${repository}:${branch}`);
    if (complete === undefined || complete < last.committedAt) {
      return ask('the branch is not stored completely up to the newer build');
    }
    const shas: string[] = [];
    // A linear walk visits each commit once: more steps than stored commits means a cycle (bad data).
    for (let commit = last; commit.sha !== first.sha;) {
      if (shas.length >= this.bySha.size) return ask('the history between the builds loops');
      shas.push(commit.sha);
      const parents = commit.parentIds;
      if (parents === null) return ask("a commit's parents are not known");
      if (parents.length > 1) return ask('a merge commit lies between the builds');
      const parent = parents[0];
      if (parent === undefined) return ask("the older build's commit is not an ancestor of the newer one");
      const next = this.bySha.get(`${repository}:${parent}`);
      if (next === undefined) return ask('a commit between the builds is not stored');
      commit = next;
    }
    return { kind: 'derived', repository, branch, shas };
  }
}
