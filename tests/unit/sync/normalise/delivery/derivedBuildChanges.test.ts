import { describe, expect, it } from 'vitest';
import {
  BranchHistory,
  type BranchCommit,
  type BuildSource,
} from '../../../../../service/src/sync/normalise/delivery/derivedBuildChanges.ts';

const MAIN = 'refs/heads/main';
const RELEASE = 'refs/heads/release/1';
const commit = (sha: string, committedAt: number, branch = MAIN, repository = 'repo'): BranchCommit => ({
  repository,
  branch,
  sha,
  committedAt,
});
const source = (
  sha: string | null,
  branch: string | null = MAIN,
  repository: string | null = 'repo',
): BuildSource => ({
  repository,
  branch,
  sha,
});

// Main: a(10) b(20) c(30) d(40) e(50); the branch is complete up to 45 unless a case says otherwise.
const MAIN_HISTORY = [commit('a', 10), commit('b', 20), commit('c', 30), commit('d', 40), commit('e', 50)];

describe('changes between two builds from the synced branch history', () => {
  it.each([
    [
      'the commits after the older build up to the newer one, newest first',
      source('a'),
      source('d'),
      ['d', 'c', 'b'],
    ],
    ['one commit apart', source('c'), source('d'), ['d']],
    ['the same commit deployed again brings nothing', source('c'), source('c'), []],
    ['SHAs compare case-insensitively', source('A'), source('C'), ['c', 'b']],
  ])('%s', (_case, from, to, shas) => {
    const history = new BranchHistory(MAIN_HISTORY, new Map([[`repo:${MAIN}`, 45]]));
    expect(history.changesBetween(from, to)).toEqual({
      kind: 'derived',
      repository: 'repo',
      branch: MAIN,
      shas,
    });
  });

  it.each([
    [
      'a build names no commit',
      MAIN_HISTORY,
      45,
      source(null),
      source('d'),
      'a build names no repository or commit',
    ],
    [
      'different repositories',
      MAIN_HISTORY,
      45,
      source('a', MAIN, 'other'),
      source('d'),
      'different repositories',
    ],
    ['different branches', MAIN_HISTORY, 45, source('a', RELEASE), source('d'), 'different branches'],
    ['a commit not stored', MAIN_HISTORY, 45, source('a'), source('x'), 'a commit is not stored'],
    [
      'the branch is stored only up to an older commit (a run that did not finish)',
      MAIN_HISTORY,
      35,
      source('a'),
      source('d'),
      'the branch is not stored completely up to the newer build',
    ],
    [
      'no watermark for the branch',
      MAIN_HISTORY,
      undefined,
      source('a'),
      source('b'),
      'the branch is not stored completely up to the newer build',
    ],
    [
      'a rollback: the older build has the newer commit',
      MAIN_HISTORY,
      45,
      source('d'),
      source('b'),
      'the older build has the newer commit',
    ],
    [
      'another branch committed in between',
      [...MAIN_HISTORY, commit('r', 25, RELEASE)],
      45,
      source('a'),
      source('d'),
      'another branch has commits in between',
    ],
    [
      'a boundary commit is stored for another branch',
      [commit('a', 10, RELEASE), ...MAIN_HISTORY.slice(1)],
      45,
      source('a'),
      source('d'),
      'a commit is stored for another branch',
    ],
    [
      'two commits share the newer boundary time',
      [...MAIN_HISTORY, commit('d2', 40)],
      45,
      source('a'),
      source('d'),
      'commits share a boundary commit time',
    ],
    [
      'two commits share the older boundary time',
      [...MAIN_HISTORY, commit('a2', 10)],
      45,
      source('a'),
      source('c'),
      'commits share a boundary commit time',
    ],
  ])('asks Azure DevOps when %s', (_case, commits, completeUntil, from, to, reason) => {
    const watermarks = new Map(completeUntil === undefined ? [] : [[`repo:${MAIN}`, completeUntil]]);
    expect(new BranchHistory(commits, watermarks).changesBetween(from, to)).toEqual({ kind: 'ask', reason });
  });

  it('keeps repositories apart and matches repository ids case-insensitively', () => {
    const history = new BranchHistory(
      [...MAIN_HISTORY, commit('z', 15, MAIN, 'OTHER'), commit('y', 35, MAIN, 'other')],
      new Map([
        [`repo:${MAIN}`, 50],
        [`other:${MAIN}`, 50],
      ]),
    );
    expect(history.changesBetween(source('a'), source('e'))).toMatchObject({ shas: ['e', 'd', 'c', 'b'] });
    expect(history.changesBetween(source('z', MAIN, 'Other'), source('y', MAIN, 'other'))).toMatchObject({
      kind: 'derived',
      repository: 'other',
      shas: ['y'],
    });
  });
});
