import type { BuildCommitsRecord, ChangeRecord, DeploymentRecord } from '../../domain/delivery.ts';
import { NumberTable } from './hashTables.ts';
import { ScratchSpace } from './scratch.ts';

const NONE = -1;

/** Working memory of BuildFacts, reused from call to call (see scratch.ts). */
const SPACE = {
  buildSlots: new ScratchSpace(),
  buildKeys: new ScratchSpace(),
  sourceVersionFrom: new ScratchSpace(),
  sourceBranchFrom: new ScratchSpace(),
  repositoryFrom: new ScratchSpace(),
  firstRecord: new ScratchSpace(),
  lastRecord: new ScratchSpace(),
  nextRecord: new ScratchSpace(),
};

/**
 * Builds numbered in the order links are listed (builds deployed, in deployment order, then builds
 * known only from build/changes), with what their deployments say about them (each fact is the
 * first non-null value among the build's deployments) and their build/changes records. Lives in
 * reused memory: valid until the next one is made.
 */
export class BuildFacts {
  readonly builds: NumberTable;
  /** Index of the deployment that gave each build each fact (-1: none did). */
  private readonly sourceVersionFrom: Int32Array;
  private readonly sourceBranchFrom: Int32Array;
  private readonly repositoryFrom: Int32Array;
  /** Builds numbered below this have deployments (and so facts). */
  readonly deployed: number;
  /** The build/changes records of each build as linked lists of record indices, in input order. */
  readonly firstRecord: Int32Array;
  readonly nextRecord: Int32Array;

  constructor(
    private readonly deployments: readonly DeploymentRecord[],
    buildCommits: readonly BuildCommitsRecord[],
  ) {
    const builds = new NumberTable(
      deployments.length + buildCommits.length,
      SPACE.buildSlots,
      SPACE.buildKeys,
    );
    this.builds = builds;
    this.sourceVersionFrom = SPACE.sourceVersionFrom.int32(deployments.length, NONE);
    this.sourceBranchFrom = SPACE.sourceBranchFrom.int32(deployments.length, NONE);
    this.repositoryFrom = SPACE.repositoryFrom.int32(deployments.length, NONE);
    // Deployments of one build often follow each other (stages of one run).
    let lastBuildId: number | null = null;
    let build = -1;
    for (let index = 0; index < deployments.length; index++) {
      const d = deployments[index];
      if (d === undefined || d.buildId === null) continue;
      if (d.buildId !== lastBuildId) {
        lastBuildId = d.buildId;
        build = builds.intern(d.buildId);
      }
      if (d.sourceVersion !== null && this.sourceVersionFrom[build] === NONE) {
        this.sourceVersionFrom[build] = index;
      }
      if (d.sourceBranch !== null && this.sourceBranchFrom[build] === NONE) {
        this.sourceBranchFrom[build] = index;
      }
      if (d.repository !== null && this.repositoryFrom[build] === NONE) {
        this.repositoryFrom[build] = index;
      }
    }
    this.deployed = builds.size;

    this.firstRecord = SPACE.firstRecord.int32(buildCommits.length + builds.size, NONE);
    const lastRecord = SPACE.lastRecord.int32(this.firstRecord.length, NONE);
    this.nextRecord = SPACE.nextRecord.int32(buildCommits.length, NONE);
    for (let index = 0; index < buildCommits.length; index++) {
      const record = buildCommits[index];
      if (record === undefined) continue;
      const b = builds.intern(record.buildId);
      const tail = lastRecord[b] ?? NONE;
      if (tail === NONE) this.firstRecord[b] = index;
      else this.nextRecord[tail] = index;
      lastRecord[b] = index;
    }
  }

  sourceVersion(build: number): string | null {
    if (build >= this.deployed) return null;
    return this.deployments[this.sourceVersionFrom[build] ?? NONE]?.sourceVersion ?? null;
  }

  /**
   * A change belongs to a build if it landed on the branch and repository the build was made from, or
   * if it is a pull request completed into another branch whose merge commit the build brought (`sha`):
   * that commit exists only once the pull request completed, so the other branch has since reached the
   * build's branch (metric definitions: changes that reach the deployed branch through another branch).
   */
  fits(change: ChangeRecord, build: number, sha?: string): boolean {
    if (build >= this.deployed) return true;
    const repository = this.deployments[this.repositoryFrom[build] ?? NONE]?.repository ?? null;
    if (repository !== null && change.repository !== repository) return false;
    const branch = this.deployments[this.sourceBranchFrom[build] ?? NONE]?.sourceBranch ?? null;
    if (branch === null || change.targetBranch === branch) return true;
    return change.kind === 'pullRequest' && change.mergeCommitSha !== null && change.mergeCommitSha === sha;
  }
}
