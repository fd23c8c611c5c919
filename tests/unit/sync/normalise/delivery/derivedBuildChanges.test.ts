import { describe, expect, it } from 'vitest';
import {
  BranchHistory,
  type BranchCommit,
  type BuildSource,
} from '../../../../../service/src/sync/normalise/delivery/derivedBuildChanges.ts';

const MAIN = 'refs/heads/main';
const RELEASE = 'refs/heads/release/1';
const DAY = 24;

/** A commit with its parents ('' for none known); times are hours. */
const commit = (
  sha: string,
  committedAt: number,
  parents: string[] | null,
  branch = MAIN,
  repository = 'repo',
): BranchCommit => ({ repository, branch, sha, committedAt, parentIds: parents });
const source = (
  sha: string | null,
  branch: string | null = MAIN,
  repository: string | null = 'repo',
): BuildSource => ({ repository, branch, sha });

// Main, linear: a(10) ← b(20) ← c(30) ← d(40) ← e(50).
const LINEAR = [
  commit('a', 10, []),
  commit('b', 20, ['a']),
  commit('c', 30, ['b']),
  commit('d', 40, ['c']),
  commit('e', 50, ['d']),
];

interface DerivedCase {
  name: string;
  commits: BranchCommit[];
  from: BuildSource;
  to: BuildSource;
  shas: string[];
}

const derived: DerivedCase[] = [
  {
    name: 'the commits after the older build up to the newer one, newest first',
    commits: LINEAR,
    from: source('a'),
    to: source('d'),
    shas: ['d', 'c', 'b'],
  },
  { name: 'one commit apart', commits: LINEAR, from: source('c'), to: source('d'), shas: ['d'] },
  {
    name: 'the same commit deployed again brings nothing',
    commits: LINEAR,
    from: source('c'),
    to: source('c'),
    shas: [],
  },
  {
    name: 'SHAs compare case-insensitively',
    commits: LINEAR,
    from: source('A'),
    to: source('C'),
    shas: ['c', 'b'],
  },
  {
    // A rebase with --committer-date-is-author-date (or clocks that disagree): r's commit time is older
    // than the older build's commit, yet r is only reachable from the newer build. By time it would
    // have been put in the older deployment.
    name: 'a rebased commit whose commit time is older than the older build is still in the newer one',
    commits: [...LINEAR.slice(0, 4), commit('r', 5, ['d']), commit('e', 50, ['r'])],
    from: source('c'),
    to: source('e'),
    shas: ['e', 'r', 'd'],
  },
  {
    // Pushed days after it was made, fast-forward: its commit time is days before the older build's.
    name: 'a commit pushed days after it was made (fast-forward) follows its ancestry, not its time',
    commits: [...LINEAR.slice(0, 3), commit('late', 30 - 3 * DAY, ['c'])],
    from: source('b'),
    to: source('late'),
    shas: ['late', 'c'],
  },
  {
    name: 'a cherry-picked commit is a commit of its own on the branch',
    commits: [...LINEAR.slice(0, 3), commit('picked', 31, ['c']), commit('f', 60, ['picked'])],
    from: source('b'),
    to: source('f'),
    shas: ['f', 'picked', 'c'],
  },
  {
    name: 'ties in commit time do not matter: the order is the ancestry',
    commits: [
      commit('a', 10, []),
      commit('t1', 20, ['a']),
      commit('t2', 20, ['t1']),
      commit('t3', 20, ['t2']),
      commit('elsewhere', 20, ['a'], RELEASE),
    ],
    from: source('t1'),
    to: source('t3'),
    shas: ['t3', 't2'],
  },
  {
    name: 'commits of another branch made in between are not brought (they are not ancestors)',
    commits: [...LINEAR, commit('x', 25, ['b'], RELEASE), commit('y', 35, ['x'], RELEASE)],
    from: source('a'),
    to: source('d'),
    shas: ['d', 'c', 'b'],
  },
  {
    name: 'a boundary commit read from another branch too is matched by ancestry',
    commits: [commit('a', 10, [], RELEASE), ...LINEAR.slice(1)],
    from: source('a'),
    to: source('c'),
    shas: ['c', 'b'],
  },
];

interface AskCase {
  name: string;
  commits: BranchCommit[];
  completeUntil?: number | 'none';
  from: BuildSource;
  to: BuildSource;
  reason: string;
}

// d is a `git pull` merge: its first parent c is main, its second parent l was made on a laptop two
// days before b and pushed with the merge. By commit time l would fall before the older build (b).
const PULL_MERGE = [
  commit('a', 10, []),
  commit('l', 10 - 2 * DAY, ['a']),
  commit('b', 20, ['a']),
  commit('c', 30, ['b']),
  commit('d', 40, ['c', 'l']),
];

const asks: AskCase[] = [
  {
    name: 'a build names no commit',
    commits: LINEAR,
    from: source(null),
    to: source('d'),
    reason: 'a build names no repository or commit',
  },
  {
    name: 'different repositories',
    commits: LINEAR,
    from: source('a', MAIN, 'other'),
    to: source('d'),
    reason: 'different repositories',
  },
  {
    name: 'different branches',
    commits: LINEAR,
    from: source('a', RELEASE),
    to: source('d'),
    reason: 'different branches',
  },
  {
    name: 'a commit not stored',
    commits: LINEAR,
    from: source('a'),
    to: source('x'),
    reason: 'a commit is not stored',
  },
  {
    name: 'the branch is stored only up to an older commit (a run that did not finish)',
    commits: LINEAR,
    completeUntil: 35,
    from: source('a'),
    to: source('d'),
    reason: 'the branch is not stored completely up to the newer build',
  },
  {
    name: 'no watermark for the branch',
    commits: LINEAR,
    completeUntil: 'none',
    from: source('a'),
    to: source('b'),
    reason: 'the branch is not stored completely up to the newer build',
  },
  {
    name: 'a merge commit brought commits pushed days after they were made (git pull)',
    commits: PULL_MERGE,
    from: source('b'),
    to: source('d'),
    reason: 'a merge commit lies between the builds',
  },
  {
    name: 'the newer build is a pull request merge commit with two parents',
    commits: [...LINEAR.slice(0, 3), commit('f1', 31, ['c'], RELEASE), commit('m', 40, ['c', 'f1'])],
    from: source('c'),
    to: source('m'),
    reason: 'a merge commit lies between the builds',
  },
  {
    name: "a commit's parents are not known (the answer left them out)",
    commits: [...LINEAR.slice(0, 3), commit('d', 40, null)],
    from: source('b'),
    to: source('d'),
    reason: "a commit's parents are not known",
  },
  {
    name: 'a commit between the builds is not stored',
    commits: [commit('a', 10, []), commit('c', 30, ['b']), commit('d', 40, ['c'])],
    from: source('a'),
    to: source('d'),
    reason: 'a commit between the builds is not stored',
  },
  {
    name: 'a rollback: the older build has the newer commit',
    commits: LINEAR,
    from: source('d'),
    to: source('b'),
    reason: "the older build's commit is not an ancestor of the newer one",
  },
  {
    name: 'a rewritten branch: the older commit is no longer an ancestor, though its time is older',
    commits: [...LINEAR.slice(0, 3), commit("c'", 35, ['b']), commit('d', 40, ["c'"])],
    from: source('c'),
    to: source('d'),
    reason: "the older build's commit is not an ancestor of the newer one",
  },
  {
    name: 'stored parents that loop (bad data)',
    commits: [commit('a', 10, []), commit('p', 20, ['q']), commit('q', 30, ['p'])],
    from: source('a'),
    to: source('q'),
    reason: 'the history between the builds loops',
  },
];

describe('changes between two builds from the synced branch history (ancestry)', () => {
  it.each(derived)('$name', ({ commits, from, to, shas }) => {
    const history = new BranchHistory(commits, new Map([[`repo:${MAIN}`, 60]]));
    expect(history.changesBetween(from, to)).toEqual({
      kind: 'derived',
      repository: 'repo',
      branch: MAIN,
      shas,
    });
  });

  it.each(asks)('asks Azure DevOps when $name', ({ commits, completeUntil = 60, from, to, reason }) => {
    const watermarks = new Map(completeUntil === 'none' ? [] : [[`repo:${MAIN}`, completeUntil]]);
    expect(new BranchHistory(commits, watermarks).changesBetween(from, to)).toEqual({ kind: 'ask', reason });
  });

  it('keeps repositories apart and matches repository ids case-insensitively', () => {
    const history = new BranchHistory(
      [...LINEAR, commit('z', 15, [], MAIN, 'OTHER'), commit('Y', 35, ['Z'], MAIN, 'other')],
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
