/**
 * Lead time samples are built only when read, and drill-down rows only when asked for: the figures must
 * not change, and samples read after later computations (which reuse the working memory) must still be
 * the samples of their own report.
 */
import { describe, expect, it } from 'vitest';
import { computeDeliveryMetrics } from '../../../../service/src/metrics/delivery/index.ts';
import type { DeliveryRequest } from '../../../../service/src/metrics/delivery/index.ts';
import { commit, deliveryInput, deployment, linksOf, pullRequest } from './fixtures.ts';

const REQUEST: DeliveryRequest = {
  from: '2026-03-02',
  to: '2026-03-22',
  sprints: [{ id: 's1', name: 'Sprint 1', startDate: '2026-03-09', finishDate: '2026-03-22' }],
};

function input(shift: number) {
  const first = pullRequest({
    id: 1,
    firstCommit: '2026-03-01T09:00Z',
    created: '2026-03-01T10:00Z',
    merged: '2026-03-02T09:00Z',
  });
  const second = pullRequest({
    id: 2,
    firstCommit: '2026-03-05T09:00Z',
    created: '2026-03-06T10:00Z',
    merged: '2026-03-07T09:00Z',
  });
  const direct = commit({ sha: 'abc', authored: `2026-03-0${1 + shift}T08:00Z` });
  return deliveryInput({
    deployments: [
      deployment({ id: 'd1', finished: `2026-03-0${3 + shift}T01:00Z`, build: 10 }),
      deployment({ id: 'd2', finished: '2026-03-12T01:00Z', build: 11 }),
      deployment({ id: 'd3', finished: '2026-03-16T01:00Z', build: 12, pipeline: 2 }),
    ],
    // Another order makes other change indices: a report reading reused columns would notice.
    changes: shift === 0 ? [first, second, direct] : [unlinked(8), unlinked(9), first, second, direct],
    links: linksOf({ 10: [first, direct], 11: [second], 12: [first, second] }),
  });
}

function unlinked(id: number) {
  return pullRequest({
    id,
    firstCommit: '2026-03-01T09:00Z',
    created: '2026-03-01T10:00Z',
    merged: '2026-03-02T09:00Z',
  });
}

describe('lazy lead time samples and drill-down rows', () => {
  it('give the same figures without drill-down rows', () => {
    const full = computeDeliveryMetrics(input(0), REQUEST);
    const figures = computeDeliveryMetrics(input(0), { ...REQUEST, drillDown: false });
    expect(full.deployments.length).toBe(3);
    expect(figures.deployments).toEqual([]);
    expect(figures.window).toEqual(full.window);
    expect(figures.weekly).toEqual(full.weekly);
    expect(figures.sprints).toEqual(full.sprints);
  });

  it('builds samples whose parts add up, one per change and delivering pipeline', () => {
    const { window } = computeDeliveryMetrics(input(0), REQUEST);
    const leadTime = window.leadTimeForChanges;
    if (leadTime.status !== 'ok') throw new Error(`expected lead times, got ${leadTime.status}`);
    expect(leadTime.samples.map((sample) => [sample.changeId, sample.deploymentId])).toEqual([
      ['pr:repo:1', 'd1'],
      ['commit:repo:abc', 'd1'],
      ['pr:repo:2', 'd2'],
      ['pr:repo:1', 'd3'],
      ['pr:repo:2', 'd3'],
    ]);
    expect(leadTime.changes).toBe(leadTime.samples.length);
    for (const sample of leadTime.samples) {
      expect(sample.leadTimeMs).toBe(sample.deployedAt - sample.firstCommitAuthoredAt);
      const parts =
        sample.kind === 'pullRequest'
          ? sample.codingMs + sample.reviewMs + sample.waitingForDeploymentMs
          : sample.codingToDeploymentMs;
      expect(parts).toBe(sample.leadTimeMs);
    }
    expect(leadTime.samples).toBe(leadTime.samples);
  });

  it('keeps a report’s samples its own when later computations reuse the working memory', () => {
    const expected = computeDeliveryMetrics(input(0), REQUEST);
    const early = computeDeliveryMetrics(input(0), REQUEST);
    computeDeliveryMetrics(input(1), REQUEST);
    computeDeliveryMetrics(deliveryInput({}), REQUEST);
    const read = (report: typeof expected) =>
      report.window.leadTimeForChanges.status === 'ok' ? report.window.leadTimeForChanges.samples : [];
    expect(read(early)).toEqual(read(expected));
    expect(early.weekly.map((week) => week.leadTimeForChanges)).toEqual(
      expected.weekly.map((week) => week.leadTimeForChanges),
    );
  });
});
