import { describe, expect, it } from 'vitest';
import type { ChangeRecord, DeploymentRecord } from '../../../../service/src/domain/delivery.ts';
import {
  computeDeliveryMetrics,
  type ReworkRateResult,
} from '../../../../service/src/metrics/delivery/index.ts';
import { commit, deliveryInput, deployment, incident, linksOf, pullRequest } from './fixtures.ts';

const BUG = 500;
const STORY = 42;
const INCIDENT = 900;

const FIX = pullRequest({
  id: 1,
  firstCommit: '2026-03-01T09:00Z',
  created: '2026-03-01T10:00Z',
  merged: '2026-03-01T11:00Z',
  workItems: [STORY, BUG],
});
const FEATURE = pullRequest({
  id: 2,
  firstCommit: '2026-03-01T09:00Z',
  created: '2026-03-01T10:00Z',
  merged: '2026-03-01T11:00Z',
  workItems: [STORY],
});
const HOTFIX = commit({ sha: 'hot', authored: '2026-03-03T09:00Z', workItems: [INCIDENT] });

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  byBuild: Record<number, ChangeRecord[]>;
  expected: ReworkRateResult;
}

const cases: Case[] = [
  {
    name: 'deployments whose changes link to a Bug or an incident ÷ successful deployments (redeploys carry their build)',
    deployments: [
      deployment({ id: 'd1', finished: '2026-03-02T10:00Z', build: 10 }),
      deployment({ id: 'd2', finished: '2026-03-03T10:00Z', build: 11 }),
      deployment({ id: 'd3', finished: '2026-03-04T10:00Z', build: 12 }),
      deployment({ id: 'd4', finished: '2026-03-05T10:00Z', build: 10 }),
    ],
    byBuild: { 10: [FIX], 11: [FEATURE], 12: [HOTFIX] },
    expected: {
      status: 'ok',
      rate: 0.75,
      reworkDeployments: 3,
      successfulDeployments: 4,
      deployments: [
        { deploymentId: 'd1', evidence: [{ changeId: 'pr:repo:1', workItemId: BUG, linkedTo: 'bug' }] },
        {
          deploymentId: 'd3',
          evidence: [{ changeId: 'commit:repo:hot', workItemId: INCIDENT, linkedTo: 'incident' }],
        },
        { deploymentId: 'd4', evidence: [{ changeId: 'pr:repo:1', workItemId: BUG, linkedTo: 'bug' }] },
      ],
    },
  },
  {
    name: 'changes that fix nothing: a real 0',
    deployments: [deployment({ id: 'd2', finished: '2026-03-03T10:00Z', build: 11 })],
    byBuild: { 11: [FEATURE] },
    expected: { status: 'ok', rate: 0, reworkDeployments: 0, successfulDeployments: 1, deployments: [] },
  },
  {
    name: 'no change linked to any deployment cannot be judged',
    deployments: [deployment({ id: 'd9', finished: '2026-03-03T10:00Z', build: 99 })],
    byBuild: {},
    expected: { status: 'noChanges', successfulDeployments: 1 },
  },
];

describe('rework rate', () => {
  it.each(cases)('$name', ({ deployments, byBuild, expected }) => {
    const changes = Object.values(byBuild).flat();
    const report = computeDeliveryMetrics(
      deliveryInput({
        deployments,
        changes,
        links: linksOf(byBuild),
        incidents: [incident({ id: INCIDENT, created: '2026-03-01T00:00Z' })],
        bugWorkItemIds: new Set([BUG, INCIDENT]),
      }),
      { from: '2026-03-01', to: '2026-03-07' },
    );
    expect(report.window.reworkRate).toEqual(expected);
  });

  it('lists the evidence when read, after later computations reused the working memory', () => {
    const [first] = cases;
    if (first === undefined) throw new Error('no case');
    const computeCase = (byBuild: Record<number, ChangeRecord[]>, deployments: DeploymentRecord[]) =>
      computeDeliveryMetrics(
        deliveryInput({
          deployments,
          changes: Object.values(byBuild).flat(),
          links: linksOf(byBuild),
          incidents: [incident({ id: INCIDENT, created: '2026-03-01T00:00Z' })],
          bugWorkItemIds: new Set([BUG, INCIDENT]),
        }),
        { from: '2026-03-01', to: '2026-03-07' },
      );
    const report = computeCase(first.byBuild, first.deployments);
    // The other way round: other builds hold the rework, so the reused grouping and verdicts differ.
    computeCase({ 10: [FEATURE], 11: [HOTFIX], 12: [FIX] }, first.deployments);
    expect(report.window.reworkRate).toEqual(first.expected);
  });
});
