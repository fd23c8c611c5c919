import { describe, expect, it } from 'vitest';
import type { ChangeRecord, DeploymentRecord } from '../../../../service/src/domain/delivery.ts';
import {
  computeDeliveryMetrics,
  leadTimeParts,
  type LeadTimeParts,
} from '../../../../service/src/metrics/delivery/index.ts';
import { at, commit, deliveryInput, deployment, HOUR, linksOf, pullRequest } from './fixtures.ts';

const PR1 = pullRequest({
  id: 1,
  firstCommit: '2026-03-01T09:00Z',
  created: '2026-03-01T12:00Z',
  merged: '2026-03-02T09:00Z',
});

interface Case {
  name: string;
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  byBuild: Record<number, ChangeRecord[]>;
  samples: { changeId: string; deploymentId: string; hours: number }[];
  medianHours: number;
  p85Hours: number;
}

const hoursApart = (n: number) => `2026-03-01T${String(n).padStart(2, '0')}:00Z`;

const cases: Case[] = [
  {
    name: 'redeploys of the same build: the first successful deployment delivers the change',
    deployments: [
      deployment({ id: 'first', finished: '2026-03-02T12:00Z', build: 10 }),
      deployment({ id: 'redeploy', finished: '2026-03-04T12:00Z', build: 10 }),
    ],
    changes: [PR1],
    byBuild: { 10: [PR1] },
    samples: [{ changeId: 'pr:repo:1', deploymentId: 'first', hours: 27 }],
    medianHours: 27,
    p85Hours: 27,
  },
  {
    name: 'failed then succeeded attempts: the successful attempt delivers',
    deployments: [
      deployment({ id: 'attempt1', finished: '2026-03-02T12:00Z', build: 10, outcome: 'failed' }),
      deployment({ id: 'attempt2', finished: '2026-03-02T14:00Z', build: 10, attempt: 2 }),
    ],
    changes: [PR1],
    byBuild: { 10: [PR1] },
    samples: [{ changeId: 'pr:repo:1', deploymentId: 'attempt2', hours: 29 }],
    medianHours: 29,
    p85Hours: 29,
  },
  {
    name: 'a change deployed by two pipelines has one sample per pipeline',
    deployments: [
      deployment({ id: 'web', finished: '2026-03-02T12:00Z', build: 10, pipeline: 1 }),
      deployment({ id: 'api', finished: '2026-03-03T09:00Z', build: 20, pipeline: 2 }),
    ],
    changes: [PR1],
    byBuild: { 10: [PR1], 20: [PR1] },
    samples: [
      { changeId: 'pr:repo:1', deploymentId: 'web', hours: 27 },
      { changeId: 'pr:repo:1', deploymentId: 'api', hours: 48 },
    ],
    medianHours: 27,
    p85Hours: 48,
  },
  {
    name: 'a change listed again by a later build of the same pipeline keeps its first delivery',
    deployments: [
      deployment({ id: 'd10', finished: '2026-03-02T12:00Z', build: 10 }),
      deployment({ id: 'd11', finished: '2026-03-03T12:00Z', build: 11 }),
    ],
    changes: [PR1],
    byBuild: { 10: [PR1], 11: [PR1] },
    samples: [{ changeId: 'pr:repo:1', deploymentId: 'd10', hours: 27 }],
    medianHours: 27,
    p85Hours: 27,
  },
  {
    name: 'P50 and P85 by nearest rank over seven changes of 1..7 hours',
    deployments: [deployment({ id: 'd', finished: '2026-03-01T20:00Z', build: 5 })],
    changes: [1, 2, 3, 4, 5, 6, 7].map((n) => commit({ sha: `c${n}`, authored: hoursApart(20 - n) })),
    byBuild: {
      5: [1, 2, 3, 4, 5, 6, 7].map((n) => commit({ sha: `c${n}`, authored: hoursApart(20 - n) })),
    },
    samples: [1, 2, 3, 4, 5, 6, 7].map((n) => ({
      changeId: `commit:repo:c${n}`,
      deploymentId: 'd',
      hours: n,
    })),
    medianHours: 4,
    p85Hours: 6,
  },
];

describe('lead time for changes', () => {
  it.each(cases)('$name', (c) => {
    const report = computeDeliveryMetrics(
      deliveryInput({ deployments: c.deployments, changes: c.changes, links: linksOf(c.byBuild) }),
      { from: '2026-03-01', to: '2026-03-07' },
    );
    const result = report.window.leadTimeForChanges;
    if (result.status !== 'ok') throw new Error(`expected a value, got ${result.status}`);
    expect(
      result.samples.map((s) => ({
        changeId: s.changeId,
        deploymentId: s.deploymentId,
        hours: s.leadTimeMs / HOUR,
      })),
    ).toEqual(c.samples);
    expect(result.medianMs).toBe(c.medianHours * HOUR);
    expect(result.p85Ms).toBe(c.p85Hours * HOUR);
  });

  it('a redeploy in the window of a build first deployed before it delivers no change', () => {
    const report = computeDeliveryMetrics(
      deliveryInput({
        deployments: [
          deployment({ id: 'before', finished: '2026-02-20T12:00Z', build: 10 }),
          deployment({ id: 'redeploy', finished: '2026-03-02T12:00Z', build: 10 }),
        ],
        changes: [PR1],
        links: linksOf({ 10: [PR1] }),
      }),
      { from: '2026-03-01', to: '2026-03-07' },
    );
    expect(report.window.leadTimeForChanges).toEqual({ status: 'noChanges', successfulDeployments: 1 });
  });
});

describe('lead time parts', () => {
  const deployedAt = at('2026-03-01T20:00Z');
  const cases: { name: string; change: ChangeRecord; parts: LeadTimeParts }[] = [
    {
      name: 'pull request: coding, review, waiting for deployment',
      change: pullRequest({
        id: 2,
        firstCommit: '2026-03-01T09:00Z',
        created: '2026-03-01T12:00Z',
        merged: '2026-03-01T17:00Z',
      }),
      parts: {
        kind: 'pullRequest',
        codingMs: 3 * HOUR,
        reviewMs: 5 * HOUR,
        waitingForDeploymentMs: 3 * HOUR,
      },
    },
    {
      name: 'pull request opened before its first commit has no coding part',
      change: pullRequest({
        id: 3,
        firstCommit: '2026-03-01T09:00Z',
        created: '2026-03-01T08:00Z',
        merged: '2026-03-01T18:00Z',
      }),
      parts: { kind: 'pullRequest', codingMs: 0, reviewMs: 9 * HOUR, waitingForDeploymentMs: 2 * HOUR },
    },
    {
      name: 'commit without pull request: coding → deployed in one part',
      change: commit({ sha: 'abc', authored: '2026-03-01T08:00Z' }),
      parts: { kind: 'commit', codingToDeploymentMs: 12 * HOUR },
    },
  ];
  it.each(cases)('$name', ({ change, parts }) => {
    expect(leadTimeParts(change, deployedAt)).toEqual(parts);
  });
});
