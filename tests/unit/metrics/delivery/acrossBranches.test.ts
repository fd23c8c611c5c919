import { describe, expect, it } from 'vitest';
import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
  PullRequestChange,
} from '../../../../service/src/domain/delivery.ts';
import { carryAcrossBranches } from '../../../../service/src/metrics/delivery/acrossBranches.ts';
import {
  computeDeliveryMetrics,
  linkChangesToBuilds,
} from '../../../../service/src/metrics/delivery/index.ts';
import { at, commit, deliveryInput, deployment, HOUR } from './fixtures.ts';

const MAIN = 'refs/heads/main';
const FEATURE = 'refs/heads/feature/checkout';
const RELEASE = 'refs/heads/release/1';

interface PullRequestSpec {
  id: number;
  into: string;
  merge: string;
  /** [sha, authored] of the pull request's own commits (its commits list), or undefined when not read. */
  own: [string, string][] | undefined;
  /** Used only when `own` is undefined: the first commit, and the SHAs known to stand for it. */
  firstCommit?: string;
  shas?: string[];
  created: string;
  merged: string;
}

function pr(spec: PullRequestSpec): PullRequestChange {
  const own = spec.own?.map(([sha, authored]) => ({ sha, authoredAt: at(authored) }));
  return {
    kind: 'pullRequest',
    id: `pr:repo:${spec.id}`,
    project: 'Fabrikam',
    repository: 'repo',
    targetBranch: spec.into,
    firstCommitAuthoredAt:
      own === undefined ? at(spec.firstCommit ?? '') : Math.min(...own.map((c) => c.authoredAt)),
    commitShas: [spec.merge, ...(own?.map((c) => c.sha) ?? spec.shas ?? [])],
    workItemIds: [],
    provenance: { rawPageId: 2 },
    pullRequestId: spec.id,
    createdAt: at(spec.created),
    mergedAt: at(spec.merged),
    mergeCommitSha: spec.merge,
    ...(own === undefined ? {} : { ownCommits: own }),
  };
}

const brought = (buildId: number, commitShas: string[]): BuildCommitsRecord => ({
  buildId,
  commitShas,
  provenance: { rawPageId: 9 },
});

// A pull request into a feature branch: coded 09:00–12:00, reviewed until the next morning.
const INTO_FEATURE = pr({
  id: 1,
  into: FEATURE,
  merge: 'mf',
  own: [
    ['f1', '2026-03-01T09:00Z'],
    ['f2', '2026-03-01T11:00Z'],
  ],
  created: '2026-03-01T12:00Z',
  merged: '2026-03-02T09:00Z',
});
// The feature branch merged into main by a pull request of its own, with nothing new in it.
const FEATURE_TO_MAIN = pr({
  id: 2,
  into: MAIN,
  merge: 'mm',
  own: [
    ['f1', '2026-03-01T09:00Z'],
    ['f2', '2026-03-01T11:00Z'],
    ['mf', '2026-03-02T09:00Z'],
  ],
  created: '2026-03-03T09:00Z',
  merged: '2026-03-03T12:00Z',
});
const MAIN_BUILD = deployment({ id: 'prod', finished: '2026-03-04T09:00Z', build: 10, sourceVersion: 'mm' });

interface Sample {
  changeId: string;
  deploymentId: string;
  hours: number;
  /** coding, review, waiting for deployment (pull requests) or coding to deployment (commits), in hours. */
  parts: number[];
}

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  buildCommits: BuildCommitsRecord[];
  samples: Sample[];
}

const F1_AT_PROD: Sample = { changeId: 'pr:repo:1', deploymentId: 'prod', hours: 72, parts: [3, 21, 48] };

const cases: Case[] = [
  {
    name: 'a pull request into a feature branch, merged onward (merge commits): measured from its first commit; the promotion is no change',
    deployments: [MAIN_BUILD],
    changes: [INTO_FEATURE, FEATURE_TO_MAIN],
    buildCommits: [brought(10, ['mm', 'mf', 'f2', 'f1'])],
    samples: [F1_AT_PROD],
  },
  {
    name: 'the feature branch squashed into main: the squash commit carries the feature pull request',
    deployments: [MAIN_BUILD],
    changes: [INTO_FEATURE, FEATURE_TO_MAIN],
    buildCommits: [brought(10, ['mm'])],
    samples: [F1_AT_PROD],
  },
  {
    name: 'a feature → main pull request with work of its own is measured from its own first commit',
    deployments: [MAIN_BUILD],
    changes: [
      INTO_FEATURE,
      pr({
        id: 2,
        into: MAIN,
        merge: 'mm',
        own: [
          ['f1', '2026-03-01T09:00Z'],
          ['f2', '2026-03-01T11:00Z'],
          ['mf', '2026-03-02T09:00Z'],
          ['g1', '2026-03-03T08:00Z'],
        ],
        created: '2026-03-03T09:00Z',
        merged: '2026-03-03T12:00Z',
      }),
    ],
    buildCommits: [brought(10, ['mm', 'g1', 'mf', 'f2', 'f1'])],
    samples: [{ changeId: 'pr:repo:2', deploymentId: 'prod', hours: 25, parts: [1, 3, 21] }, F1_AT_PROD],
  },
  {
    name: 'a release branch merged into main without a pull request: its pull request is found by its merge commit',
    deployments: [deployment({ id: 'prod', finished: '2026-03-02T09:00Z', build: 10 })],
    changes: [
      pr({
        id: 3,
        into: RELEASE,
        merge: 'mr',
        own: [['r1', '2026-03-01T09:00Z']],
        created: '2026-03-01T10:00Z',
        merged: '2026-03-01T12:00Z',
      }),
    ],
    buildCommits: [brought(10, ['mr', 'r1'])],
    samples: [{ changeId: 'pr:repo:3', deploymentId: 'prod', hours: 24, parts: [1, 2, 21] }],
  },
  {
    name: 'a chain feature → release → main, squashed at each step: one change, the first pull request',
    deployments: [MAIN_BUILD],
    changes: [
      INTO_FEATURE,
      pr({
        id: 4,
        into: RELEASE,
        merge: 'mrel',
        own: [['mf', '2026-03-02T09:00Z']],
        created: '2026-03-02T10:00Z',
        merged: '2026-03-02T11:00Z',
      }),
      pr({
        id: 5,
        into: MAIN,
        merge: 'mm',
        own: [['mrel', '2026-03-02T11:00Z']],
        created: '2026-03-03T09:00Z',
        merged: '2026-03-03T10:00Z',
      }),
    ],
    buildCommits: [brought(10, ['mm'])],
    samples: [F1_AT_PROD],
  },
  {
    name: 'the same commits in two pull requests into main: the later one is measured from its new work',
    deployments: [
      deployment({ id: 'first', finished: '2026-03-01T18:00Z', build: 10 }),
      deployment({ id: 'second', finished: '2026-03-03T09:00Z', build: 11 }),
    ],
    changes: [
      pr({
        id: 6,
        into: MAIN,
        merge: 's1',
        own: [['a', '2026-03-01T09:00Z']],
        created: '2026-03-01T10:00Z',
        merged: '2026-03-01T12:00Z',
      }),
      pr({
        id: 7,
        into: MAIN,
        merge: 's2',
        own: [
          ['a', '2026-03-01T09:00Z'],
          ['b', '2026-03-02T09:00Z'],
        ],
        created: '2026-03-02T10:00Z',
        merged: '2026-03-02T12:00Z',
      }),
    ],
    buildCommits: [brought(10, ['s1']), brought(11, ['s2'])],
    samples: [
      { changeId: 'pr:repo:6', deploymentId: 'first', hours: 9, parts: [1, 2, 6] },
      { changeId: 'pr:repo:7', deploymentId: 'second', hours: 24, parts: [1, 2, 21] },
    ],
  },
  {
    name: 'own commits not read: the carrier stays a change, measured from its first commit as before',
    deployments: [MAIN_BUILD],
    changes: [
      INTO_FEATURE,
      pr({
        id: 2,
        into: MAIN,
        merge: 'mm',
        own: undefined,
        firstCommit: '2026-03-01T09:00Z',
        shas: ['f1', 'f2', 'mf'],
        created: '2026-03-03T09:00Z',
        merged: '2026-03-03T12:00Z',
      }),
    ],
    buildCommits: [brought(10, ['mm'])],
    samples: [{ changeId: 'pr:repo:2', deploymentId: 'prod', hours: 72, parts: [48, 3, 21] }, F1_AT_PROD],
  },
  {
    name: 'a release fix cherry-picked into main: the pick is a direct commit from the original author time; the release pull request never reached main',
    deployments: [deployment({ id: 'prod', finished: '2026-03-02T09:00Z', build: 10 })],
    changes: [
      pr({
        id: 3,
        into: RELEASE,
        merge: 'mr',
        own: [['r1', '2026-03-01T09:00Z']],
        created: '2026-03-01T10:00Z',
        merged: '2026-03-01T12:00Z',
      }),
      commit({ sha: 'picked', authored: '2026-03-01T09:00Z' }),
    ],
    buildCommits: [brought(10, ['picked'])],
    samples: [{ changeId: 'commit:repo:picked', deploymentId: 'prod', hours: 24, parts: [24] }],
  },
  {
    name: 'direct commits of the deployed branch are untouched',
    deployments: [MAIN_BUILD],
    changes: [INTO_FEATURE, FEATURE_TO_MAIN, commit({ sha: 'd1', authored: '2026-03-03T09:00Z' })],
    buildCommits: [brought(10, ['mm', 'd1'])],
    samples: [F1_AT_PROD, { changeId: 'commit:repo:d1', deploymentId: 'prod', hours: 24, parts: [24] }],
  },
];

function samplesOf(c: Case): Sample[] {
  const carried = carryAcrossBranches(
    c.changes,
    linkChangesToBuilds({ deployments: c.deployments, changes: c.changes, buildCommits: c.buildCommits }),
  );
  const report = computeDeliveryMetrics(
    deliveryInput({ deployments: c.deployments, changes: carried.changes, links: carried.links }),
    { from: '2026-03-01', to: '2026-03-07' },
  );
  const result = report.window.leadTimeForChanges;
  if (result.status !== 'ok') return [];
  return result.samples.map((s) => ({
    changeId: s.changeId,
    deploymentId: s.deploymentId,
    hours: s.leadTimeMs / HOUR,
    parts: (s.kind === 'pullRequest'
      ? [s.codingMs, s.reviewMs, s.waitingForDeploymentMs]
      : [s.codingToDeploymentMs]
    ).map((ms) => ms / HOUR),
  }));
}

const byChange = (a: Sample, b: Sample) =>
  a.deploymentId.localeCompare(b.deploymentId) || a.changeId.localeCompare(b.changeId);

describe('changes that reach the deployed branch through another branch', () => {
  it.each(cases)('$name', (c) => {
    expect(samplesOf(c).sort(byChange)).toEqual([...c.samples].sort(byChange));
  });

  it('a pull request into another branch whose merge commit no build brought is not a change of main', () => {
    // Only its own commit reached main (by another route, e.g. cherry-picked with the same SHA).
    const intoRelease = pr({
      id: 3,
      into: RELEASE,
      merge: 'mr',
      own: [['r1', '2026-03-01T09:00Z']],
      created: '2026-03-01T10:00Z',
      merged: '2026-03-01T12:00Z',
    });
    const links = linkChangesToBuilds({
      deployments: [deployment({ id: 'prod', finished: '2026-03-02T09:00Z', build: 10 })],
      changes: [intoRelease],
      buildCommits: [brought(10, ['r1'])],
    });
    expect(carryAcrossBranches([intoRelease], links).links).toEqual([]);
  });

  it('leaves changes and links as they are when no pull request carries another', () => {
    const changes = [INTO_FEATURE];
    const links = [{ buildId: 10, changeId: 'pr:repo:1', via: 'buildChanges' as const }];
    const carried = carryAcrossBranches(changes, links);
    expect(carried.changes).toBe(changes);
    expect(carried.links).toBe(links);
  });
});
