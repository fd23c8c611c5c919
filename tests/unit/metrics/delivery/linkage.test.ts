import { describe, expect, it } from 'vitest';
import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
} from '../../../../service/src/domain/delivery.ts';
import {
  consecutiveProductionBuilds,
  linkChangesToBuilds,
  type ProductionBuildPair,
} from '../../../../service/src/metrics/delivery/index.ts';
import { commit, deployment, pullRequest } from './fixtures.ts';

const PR1 = pullRequest({
  id: 1,
  firstCommit: '2026-03-01T09:00Z',
  created: '2026-03-01T10:00Z',
  merged: '2026-03-01T11:00Z',
  shas: ['m1', 'a1', 'b1'],
});
const PR2 = pullRequest({
  id: 2,
  firstCommit: '2026-03-01T09:00Z',
  created: '2026-03-01T10:00Z',
  merged: '2026-03-01T12:00Z',
  shas: ['m2'],
});
const RELEASE_PR = pullRequest({
  id: 3,
  firstCommit: '2026-03-01T09:00Z',
  created: '2026-03-01T10:00Z',
  merged: '2026-03-01T12:00Z',
  shas: ['m3'],
  branch: 'refs/heads/release',
});
const DIRECT = commit({ sha: 'd1', authored: '2026-03-01T13:00Z' });

const commitsOf = (buildId: number, commitShas: string[]): BuildCommitsRecord => ({
  buildId,
  commitShas,
  provenance: { rawPageId: 9 },
});

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  buildCommits: BuildCommitsRecord[];
  links: { buildId: number; changeId: string; via: 'sourceVersion' | 'buildChanges' }[];
}

const cases: Case[] = [
  {
    name: 'the source version names the merge commit of a pull request',
    deployments: [deployment({ id: 'd', finished: '2026-03-02T10:00Z', build: 10, sourceVersion: 'm2' })],
    changes: [PR1, PR2],
    buildCommits: [],
    links: [{ buildId: 10, changeId: 'pr:repo:2', via: 'sourceVersion' }],
  },
  {
    name: 'commits between production deployments bring pull requests (by any of their SHAs) and direct commits',
    deployments: [deployment({ id: 'd', finished: '2026-03-02T10:00Z', build: 10, sourceVersion: 'd1' })],
    changes: [PR1, PR2, DIRECT],
    buildCommits: [commitsOf(10, ['a1', 'b1', 'm1', 'd1', 'unknown'])],
    links: [
      { buildId: 10, changeId: 'commit:repo:d1', via: 'sourceVersion' },
      { buildId: 10, changeId: 'pr:repo:1', via: 'buildChanges' },
    ],
  },
  {
    name: 'a pull request merged to another branch is not in a build of main by its own commits alone',
    deployments: [deployment({ id: 'd', finished: '2026-03-02T10:00Z', build: 10 })],
    changes: [PR2, { ...RELEASE_PR, commitShas: ['m3', 'r3'] }],
    buildCommits: [commitsOf(10, ['m2', 'r3'])],
    links: [{ buildId: 10, changeId: 'pr:repo:2', via: 'buildChanges' }],
  },
  {
    name: 'a pull request merged to another branch is in a build of main that brought its merge commit (the branch was merged into main)',
    deployments: [deployment({ id: 'd', finished: '2026-03-02T10:00Z', build: 10 })],
    changes: [PR2, RELEASE_PR],
    buildCommits: [commitsOf(10, ['m2', 'm3'])],
    links: [
      { buildId: 10, changeId: 'pr:repo:2', via: 'buildChanges' },
      { buildId: 10, changeId: 'pr:repo:3', via: 'buildChanges' },
    ],
  },
  {
    name: 'a change of another repository is never in the build',
    deployments: [
      { ...deployment({ id: 'd', finished: '2026-03-02T10:00Z', build: 10 }), repository: 'repo' },
    ],
    changes: [{ ...RELEASE_PR, repository: 'other', id: 'pr:other:3' }],
    buildCommits: [commitsOf(10, ['m3'])],
    links: [],
  },
];

describe('linkChangesToBuilds', () => {
  it.each(cases)('$name', ({ deployments, changes, buildCommits, links }) => {
    expect(linkChangesToBuilds({ deployments, changes, buildCommits })).toEqual(links);
  });
});

describe('consecutiveProductionBuilds', () => {
  const cases: { name: string; deployments: DeploymentRecord[]; pairs: ProductionBuildPair[] }[] = [
    {
      name: 'each new build is diffed with the newest build deployed before it; redeploys, rollbacks and failures are skipped',
      deployments: [
        deployment({ id: 'a', finished: '2026-03-01T10:00Z', build: 10 }),
        deployment({ id: 'b', finished: '2026-03-02T10:00Z', build: 12 }),
        deployment({ id: 'redeploy', finished: '2026-03-03T10:00Z', build: 12 }),
        deployment({ id: 'rollback', finished: '2026-03-04T10:00Z', build: 11 }),
        deployment({ id: 'failed', finished: '2026-03-05T10:00Z', build: 14, outcome: 'failed' }),
        deployment({ id: 'c', finished: '2026-03-06T10:00Z', build: 15 }),
      ],
      pairs: [
        { pipelineKey: 'Fabrikam/build/1', fromBuildId: null, toBuildId: 10 },
        { pipelineKey: 'Fabrikam/build/1', fromBuildId: 10, toBuildId: 12 },
        { pipelineKey: 'Fabrikam/build/1', fromBuildId: 12, toBuildId: 15 },
      ],
    },
    {
      name: 'pipelines are diffed separately',
      deployments: [
        deployment({ id: 'a', finished: '2026-03-01T10:00Z', build: 10, pipeline: 1 }),
        deployment({ id: 'b', finished: '2026-03-02T10:00Z', build: 11, pipeline: 2 }),
        deployment({ id: 'c', finished: '2026-03-03T10:00Z', build: 12, pipeline: 1 }),
      ],
      pairs: [
        { pipelineKey: 'Fabrikam/build/1', fromBuildId: null, toBuildId: 10 },
        { pipelineKey: 'Fabrikam/build/2', fromBuildId: null, toBuildId: 11 },
        { pipelineKey: 'Fabrikam/build/1', fromBuildId: 10, toBuildId: 12 },
      ],
    },
  ];
  it.each(cases)('$name', ({ deployments, pairs }) => {
    expect(consecutiveProductionBuilds(deployments)).toEqual(pairs);
  });
});
