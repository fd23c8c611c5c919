import { describe, expect, it } from 'vitest';
import {
  horizonCutoff,
  partitionByReach,
  type ListedPullRequest,
} from '../../../../service/src/sync/collect/delivery/pullRequestReach.ts';

const pr = (
  pullRequestId: number,
  sourceBranch: string,
  targetBranch: string,
  mergeCommitSha: string | null = null,
): ListedPullRequest => ({
  project: 'p',
  repository: 'Repo',
  pullRequestId,
  sourceBranch,
  targetBranch,
  mergedAt: pullRequestId * 1000,
  mergeCommitSha,
});

const deployed = new Map([['repo', ['refs/heads/main']]]);
const ids = (list: readonly ListedPullRequest[]) => list.map((item) => item.pullRequestId);

describe('partitionByReach', () => {
  it.each([
    ['into the deployed branch', [pr(1, 'refs/heads/f', 'refs/heads/main')], [1], []],
    ['into a branch never promoted', [pr(1, 'refs/heads/f', 'refs/heads/release')], [], [1]],
    [
      'feature → release, promoted by release → main',
      [pr(1, 'refs/heads/f', 'refs/heads/release'), pr(2, 'refs/heads/release', 'refs/heads/main')],
      [1, 2],
      [],
    ],
    [
      'two hops, listed out of order',
      [
        pr(1, 'refs/heads/a', 'refs/heads/b'),
        pr(2, 'refs/heads/b', 'refs/heads/c'),
        pr(3, 'refs/heads/c', 'refs/heads/MAIN'),
      ],
      [1, 2, 3],
      [],
    ],
    ['into the default branch', [pr(1, 'refs/heads/f', 'refs/heads/develop')], [1], []],
  ])('%s', (_name, pullRequests, needed, deferred) => {
    const result = partitionByReach(pullRequests, deployed, { repo: 'refs/heads/develop' });
    expect(ids(result.needed)).toEqual(needed);
    expect(ids(result.deferred)).toEqual(deferred);
  });

  it('remembers integration branches found to reach production, not every merged feature branch', () => {
    const first = partitionByReach(
      [pr(1, 'refs/heads/f', 'refs/heads/release'), pr(2, 'refs/heads/release', 'refs/heads/main')],
      deployed,
      {},
    );
    expect(first.reaching).toEqual(['repo|refs/heads/release']);
    const later = partitionByReach(
      [pr(3, 'refs/heads/g', 'refs/heads/release')],
      deployed,
      {},
      first.reaching,
    );
    expect(ids(later.needed)).toEqual([3]);
  });

  it('counts a pull request whose merge commit is in a deployed history (merged on without a pull request)', () => {
    const waiting = pr(4, 'refs/heads/g', 'refs/heads/release', 'ABC');
    const history = (repository: string, sha: string) => repository === 'repo' && sha === 'abc';
    expect(ids(partitionByReach([waiting], deployed, {}).deferred)).toEqual([4]);
    expect(ids(partitionByReach([waiting], deployed, {}, [], history).needed)).toEqual([4]);
  });
});

describe('horizonCutoff', () => {
  it.each([
    [undefined, 365, undefined],
    [400 * 86_400_000, 365, 35 * 86_400_000],
    [10 * 86_400_000, 30, -20 * 86_400_000],
  ])('newest %s, %i days → %s', (newest, days, cutoff) => {
    expect(horizonCutoff(newest, days)).toBe(cutoff);
  });
});
