/**
 * A report made from a shared preparation (reportFromPrepared) makes its drill-down rows and lead time
 * samples a page at a time: every page equals the same rows of the report made all at once
 * (computeDeliveryMetrics), failed attempts, redeploys and pages past the end included, and each page's
 * records are the ones its rows name.
 */
import { describe, expect, it } from 'vitest';
import {
  computeDeliveryMetrics,
  deploymentRecordsBetween,
  deploymentRowCount,
  deploymentRowsBetween,
  leadTimeSampleRecordsBetween,
  leadTimeSamplesBetween,
  prepareDelivery,
  reportFromPrepared,
  type DeliveryReport,
  type DeliveryRequest,
  type LeadTimeResult,
} from '../../../../service/src/metrics/delivery/index.ts';
import type { ChangeRecord, DeploymentRecord } from '../../../../service/src/domain/delivery.ts';
import { commit, deliveryInput, deployment, incident, linksOf, pullRequest } from './fixtures.ts';

const REQUEST: DeliveryRequest = { from: '2026-03-02', to: '2026-03-29' };
const DAYS = 28;

/** Three deployments a day on two pipelines: every fourth failed, every fifth a redeploy of the last build. */
function input() {
  const deployments: DeploymentRecord[] = [];
  const byBuild: Record<number, ChangeRecord[]> = {};
  let build = 100;
  for (let n = 0; n < DAYS * 3; n++) {
    const day = String(1 + Math.floor(n / 3)).padStart(2, '0');
    const hour = String(3 + (n % 3) * 6).padStart(2, '0');
    const redeploy = n % 5 === 4;
    if (!redeploy) {
      build++;
      byBuild[build] =
        n % 2 === 0
          ? [commit({ sha: `c${n}`, authored: `2026-02-2${n % 8}T08:00Z` })]
          : [
              pullRequest({
                id: n,
                firstCommit: '2026-02-20T09:00Z',
                created: '2026-02-21T10:00Z',
                merged: '2026-02-22T09:00Z',
              }),
              commit({ sha: `d${n}`, authored: '2026-02-23T08:00Z' }),
            ];
    }
    deployments.push(
      deployment({
        id: `d${n}`,
        finished: `2026-03-${day}T${hour}:00Z`,
        build,
        pipeline: 1 + (n % 2),
        outcome: n % 4 === 3 ? 'failed' : 'succeeded',
      }),
    );
  }
  const changes = Object.values(byBuild).flat();
  const incidents = [incident({ id: 7, created: '2026-03-10T12:00Z', completed: '2026-03-11T12:00Z' })];
  return deliveryInput({ deployments, changes, links: linksOf(byBuild), incidents });
}

const PAGES: readonly [number, number][] = [
  [0, 10],
  [10, 20],
  [37, 38],
  [70, 200],
  [200, 250],
  [0, 0],
];

function leadTimeOf(report: DeliveryReport): Extract<LeadTimeResult, { status: 'ok' }> {
  const leadTime = report.window.leadTimeForChanges;
  if (leadTime.status !== 'ok') throw new Error(`expected lead times, got ${leadTime.status}`);
  return leadTime;
}

describe('drill-down pages of a shared preparation', () => {
  const eager = computeDeliveryMetrics(input(), REQUEST);

  it('has the rows of the report made at once, a page at a time, with their records', () => {
    const lazy = reportFromPrepared(prepareDelivery(input()), REQUEST);
    expect(eager.deployments.length).toBeGreaterThan(60);
    expect(deploymentRowCount(lazy)).toBe(eager.deployments.length);
    for (const [start, end] of PAGES) {
      const rows = deploymentRowsBetween(lazy, start, end);
      expect(rows).toEqual(eager.deployments.slice(start, end));
      expect(deploymentRecordsBetween(lazy, start, end)?.map((record) => record.id)).toEqual(
        rows.map((row) => row.id),
      );
    }
    // Rows that delivered changes and rows that delivered none (failures, redeploys) both occur.
    expect(eager.deployments.some((row) => row.deliveredChangeIds.length === 0)).toBe(true);
    expect(eager.deployments.some((row) => row.deliveredChangeIds.length > 1)).toBe(true);
    expect(lazy.deployments).toEqual(eager.deployments);
    expect(deploymentRowsBetween(lazy, 5, 9)).toEqual(eager.deployments.slice(5, 9));
  });

  it('has the samples of the report made at once, a page at a time, with their records', () => {
    const lazy = reportFromPrepared(prepareDelivery(input()), REQUEST);
    const all = leadTimeOf(eager).samples;
    const leadTime = leadTimeOf(lazy);
    expect(leadTime.changes).toBe(all.length);
    for (const [start, end] of PAGES) {
      const samples = leadTimeSamplesBetween(leadTime, start, end);
      expect(samples).toEqual(all.slice(start, end));
      const records = leadTimeSampleRecordsBetween(leadTime, start, end) ?? [];
      expect(records.map(({ change, deployment }) => [change.id, deployment.id])).toEqual(
        samples.map((sample) => [sample.changeId, sample.deploymentId]),
      );
    }
    expect(leadTime.samples).toEqual(all);
  });

  it('keeps no rows for a view without drill-down, and a later preparation leaves earlier pages be', () => {
    const prepared = prepareDelivery(input());
    const figures = reportFromPrepared(prepared, { ...REQUEST, drillDown: false });
    expect(deploymentRowCount(figures)).toBe(0);
    expect(deploymentRowsBetween(figures, 0, 10)).toEqual([]);
    const first = reportFromPrepared(prepared, REQUEST);
    computeDeliveryMetrics(deliveryInput({}), REQUEST);
    reportFromPrepared(prepareDelivery(deliveryInput({})), REQUEST);
    expect(deploymentRowsBetween(first, 0, 20)).toEqual(eager.deployments.slice(0, 20));
  });
});
