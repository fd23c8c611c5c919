/**
 * Links kept as columns (LinkTable) give exactly the report that link objects give: on the hand-worked
 * example, on a generated year of builds with redeploys, rollbacks, failures, incidents and pull requests
 * carried across branches (the path the service takes, one SHA index for linking and carrying), and when
 * a table meets another change list than its own (grouped by id, as objects are).
 */
import { describe, expect, it } from 'vitest';
import { carryAcrossBranches } from '../../../../service/src/metrics/delivery/acrossBranches.ts';
import {
  computeDeliveryMetrics,
  groupChangesByBuild,
  linkArrayOf,
  linkChangesToBuilds,
  linkChangesToBuildTable,
  LinkTable,
  type DeliveryRequest,
} from '../../../../service/src/metrics/delivery/index.ts';
import { deliveryInputFrom } from '../../../../service/src/sync/normalise/delivery/input.ts';
import { deliveryInput } from './fixtures.ts';
import { generatedRecords } from './generated.ts';
import { BUILD_COMMITS, CHANGES, DEPLOYMENTS, INCIDENTS } from './handWorked.data.ts';

const REQUEST: DeliveryRequest = {
  from: '2026-01-01',
  to: '2026-12-31',
  sprints: [{ id: 's', name: 'S', startDate: '2026-03-02', finishDate: '2026-03-15' }],
};

describe('metrics/delivery/linkTable', () => {
  it('holds the links linkChangesToBuilds makes, in the same order', () => {
    const records = { deployments: DEPLOYMENTS, changes: CHANGES, buildCommits: BUILD_COMMITS };
    const table = linkChangesToBuildTable(records);
    expect(table.length).toBeGreaterThan(0);
    expect(table.toArray()).toEqual(linkChangesToBuilds(records));
    expect(linkArrayOf(table)).toBe(table.toArray());
  });

  it('gives the hand-worked report that link objects give', () => {
    const records = { deployments: DEPLOYMENTS, changes: CHANGES, buildCommits: BUILD_COMMITS };
    const input = deliveryInput({
      deployments: DEPLOYMENTS,
      changes: CHANGES,
      incidents: INCIDENTS,
      bugWorkItemIds: new Set([5001, 5002, 9001, 9002, 9003]),
    });
    const request = { ...REQUEST, from: '2026-03-02', to: '2026-03-15' };
    const withObjects = computeDeliveryMetrics({ ...input, links: linkChangesToBuilds(records) }, request);
    const withTable = computeDeliveryMetrics({ ...input, links: linkChangesToBuildTable(records) }, request);
    expect(withTable).toEqual(withObjects);
  });

  it.each([
    { promote: false, kept: 'as columns' },
    { promote: true, kept: 'as objects (pull requests carried across branches)' },
  ])('gives the same report along the service path, links kept $kept', ({ promote }) => {
    const records = generatedRecords(promote);
    const input = deliveryInputFrom(records, { timeZone: 'Asia/Tokyo' });
    expect(input.links instanceof LinkTable).toBe(!promote);
    // The same steps with link objects and an index each.
    const carried = carryAcrossBranches(records.changes, linkChangesToBuilds(records));
    const expected = computeDeliveryMetrics(
      { ...input, changes: carried.changes, links: linkArrayOf(carried.links) },
      REQUEST,
    );
    const report = computeDeliveryMetrics(input, REQUEST);
    expect(report).toEqual(expected);
    // Not vacuous: deployments, samples, carried pull requests and incidents were all measured.
    expect(report.deployments.length).toBeGreaterThan(100);
    const leadTime = report.window.leadTimeForChanges;
    expect(leadTime.status === 'ok' ? leadTime.changes : 0).toBeGreaterThan(100);
    expect(report.window.incidents.length).toBe(40);
  });

  it('carries pull requests as objects when some pull request carries another', () => {
    const records = generatedRecords(true);
    const { links } = carryAcrossBranches(records.changes, linkChangesToBuildTable(records));
    expect(links).not.toBeInstanceOf(LinkTable);
    const pair = (link: { buildId: number; changeId: string }) => `${link.buildId}|${link.changeId}`;
    const direct = new Set(linkChangesToBuilds(records).map(pair));
    expect(linkArrayOf(links).filter((link) => !direct.has(pair(link))).length).toBeGreaterThan(0);
  });

  it('groups a table by change id when it meets another change list', () => {
    const records = generatedRecords(false);
    const table = linkChangesToBuildTable(records);
    const reordered = [...records.changes].reverse();
    const grouped = groupChangesByBuild(table, reordered);
    const expected = groupChangesByBuild(table.toArray(), reordered);
    expect(grouped.byBuild).toEqual(expected.byBuild);
    expect(grouped.changes).toBe(reordered);
  });
});
