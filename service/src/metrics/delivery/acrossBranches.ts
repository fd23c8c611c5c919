import type { ChangeRecord, DeploymentChangeLink } from '../../domain/delivery.ts';
import { linkArrayOf, type Links } from './linkTable.ts';
import { indexShas, type ShaIndex } from './shaIndex.ts';

/**
 * Work that reaches the deployed branch through another branch (metric definitions, "Changes that
 * reach the deployed branch through another branch"). Pure.
 *
 * Every commit is work of the first pull request (by completion time) of its repository that
 * contains it: its merge commit or one of its own commits. A later pull request that contains such a
 * commit — a feature or release branch merged onward (feature → main, release → main) — carries that
 * pull request: wherever the carrier is deployed, the carried work is too, even when the carrier was
 * squashed and the carried pull request's own SHAs never reach the deployed branch. The carrier itself
 * is measured from the first of its own commits that no earlier pull request brought; when it brought
 * none (a promotion) it is no change of its own and yields no sample.
 */
export interface CarriedChanges {
  /** The changes, index for index; a carrier's first commit counts only its own work. */
  changes: readonly ChangeRecord[];
  /**
   * The links, without promotions, plus a link per carried pull request (the carrier's evidence); the
   * links given, as given, when no pull request carries another.
   */
  links: Links;
}

interface Claims {
  /** Change index → indices of the pull requests it carries. */
  carries: Map<number, number[]>;
  /** Pull requests that brought no work of their own. */
  promotions: Set<number>;
  changes: readonly ChangeRecord[];
}

/** The pull requests among `indices`, by completion time (then id). */
function completionOrder(changes: readonly ChangeRecord[], indices: Iterable<number>): number[] {
  const pullRequests: { index: number; mergedAt: number; id: number }[] = [];
  for (const index of indices) {
    const change = changes[index];
    if (change?.kind === 'pullRequest') {
      pullRequests.push({ index, mergedAt: change.mergedAt, id: change.pullRequestId });
    }
  }
  return pullRequests
    .sort((a, b) => a.mergedAt - b.mergedAt || a.id - b.id || a.index - b.index)
    .map(({ index }) => index);
}

/** Which pull request each commit is work of, and who carries whom, among the changes that share a SHA. */
function claim(changes: readonly ChangeRecord[], sharing: Iterable<number>): Claims {
  // SHA → the pull request (change index) whose work it is, per repository.
  const owners = new Map<string, Map<string, number>>();
  const carries = new Map<number, number[]>();
  const promotions = new Set<number>();
  let adjusted: ChangeRecord[] | undefined;
  for (const index of completionOrder(changes, sharing)) {
    const change = changes[index];
    if (change?.kind !== 'pullRequest') continue;
    let owner = owners.get(change.repository);
    if (owner === undefined) owners.set(change.repository, (owner = new Map()));
    let carried: Set<number> | undefined;
    for (const sha of change.commitShas) {
      const earlier = owner.get(sha);
      if (earlier === undefined) owner.set(sha, index);
      else if (earlier !== index) (carried ??= new Set()).add(earlier);
    }
    if (carried === undefined) continue;
    carries.set(index, [...carried]);
    if (change.ownCommits === undefined) continue;
    let firstCommitAuthoredAt = Infinity;
    for (const commit of change.ownCommits) {
      if (owner.get(commit.sha) === index)
        firstCommitAuthoredAt = Math.min(firstCommitAuthoredAt, commit.authoredAt);
    }
    if (firstCommitAuthoredAt === Infinity) promotions.add(index);
    else if (firstCommitAuthoredAt !== change.firstCommitAuthoredAt) {
      adjusted ??= [...changes];
      adjusted[index] = { ...change, firstCommitAuthoredAt };
    }
  }
  return { carries, promotions, changes: adjusted ?? changes };
}

/** `shas`: the changes' SHA index when the caller made it already (the latest indexShas of `changes`). */
export function carryAcrossBranches(
  changes: readonly ChangeRecord[],
  given: Links,
  shas: ShaIndex = indexShas(changes),
): CarriedChanges {
  // Only changes that share a SHA can carry one another; in most organizations there are none.
  const { firstChange, moreChanges } = shas;
  if (moreChanges.size === 0) return { changes, links: given };
  const sharing = new Set<number>();
  for (const [entry, more] of moreChanges) {
    sharing.add(firstChange[entry] ?? -1);
    for (const index of more) sharing.add(index);
  }
  const claims = claim(changes, sharing);
  if (claims.carries.size === 0) return { changes: claims.changes, links: given };
  const links = linkArrayOf(given);
  const indexOfId = new Map<string, number>();
  changes.forEach((change, index) => indexOfId.set(change.id, index));
  const linkedByBuild = new Map<number, Set<number>>();
  const linkedTo = (buildId: number): Set<number> => {
    let linked = linkedByBuild.get(buildId);
    if (linked === undefined) linkedByBuild.set(buildId, (linked = new Set()));
    return linked;
  };
  // Direct links first, so that a change found by its own SHAs keeps its own evidence.
  const result: DeploymentChangeLink[] = [];
  for (const link of links) {
    const index = indexOfId.get(link.changeId);
    if (index !== undefined) linkedTo(link.buildId).add(index);
    if (index === undefined || !claims.promotions.has(index)) result.push(link);
  }
  for (const link of links) {
    const start = indexOfId.get(link.changeId);
    if (start === undefined) continue;
    const linked = linkedTo(link.buildId);
    const pending = [...(claims.carries.get(start) ?? [])];
    for (let index = pending.pop(); index !== undefined; index = pending.pop()) {
      if (linked.has(index)) continue;
      linked.add(index);
      const change = changes[index];
      if (change !== undefined && !claims.promotions.has(index)) {
        result.push({ buildId: link.buildId, changeId: change.id, via: link.via });
      }
      pending.push(...(claims.carries.get(index) ?? []));
    }
  }
  return { changes: claims.changes, links: result };
}
