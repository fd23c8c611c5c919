/**
 * Links kept as columns (LinkTable) give exactly the report that link objects give: on the hand-worked
 * example, on a generated year of builds with redeploys, rollbacks, failures, incidents and pull requests
 * carried across branches (the path the service takes, one SHA index for linking and carrying), and when
 * a table meets another change list than its own (grouped by id, as objects are).
 */
import { describe, expect, it } from 'vitest';
import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
} from '../../../../service/src/domain/delivery.ts';
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
import { createRandom } from '../../../../service/src/metrics/forecast/random.ts';
import { deliveryInputFrom } from '../../../../service/src/sync/normalise/delivery/input.ts';
import { commit, deliveryInput, deployment, incident, pullRequest } from './fixtures.ts';
import { BUILD_COMMITS, CHANGES, DEPLOYMENTS, INCIDENTS } from './handWorked.data.ts';

const REQUEST: DeliveryRequest = {
  from: '2026-01-01',
  to: '2026-12-31',
  sprints: [{ id: 's', name: 'S', startDate: '2026-03-02', finishDate: '2026-03-15' }],
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A seeded year: builds on main and a release branch, redeploys, failures and incidents; with `promote`,
 * pull requests promoting the release branch onto main, carrying its pull requests.
 */
function generated(promote: boolean) {
  const random = createRandom(29);
  const deployments: DeploymentRecord[] = [];
  const changes: ChangeRecord[] = [];
  const buildCommits: BuildCommitsRecord[] = [];
  const start = Date.UTC(2026, 0, 1);
  let pending: string[] = [];
  for (let build = 1; build <= 300; build++) {
    const builtAt = start + build * 26 * 3_600_000;
    const branch = build % 7 === 0 ? 'refs/heads/release' : 'refs/heads/main';
    const shas = [`m${build}`, `a${build}`];
    changes.push(
      random() < 0.8
        ? pullRequest({
            id: build,
            firstCommit: iso(builtAt - 30 * 3_600_000),
            created: iso(builtAt - 20 * 3_600_000),
            merged: iso(builtAt - 3_600_000),
            shas,
            workItems: [build % 11],
            branch,
          })
        : commit({
            sha: `m${build}`,
            authored: iso(builtAt - 5 * 3_600_000),
            workItems: [build % 13],
            branch,
          }),
    );
    // Every fifth build promotes the last release PR onto main, carrying it.
    if (promote && build % 5 === 0 && build > 7) {
      const carried = Math.floor(build / 7) * 7;
      changes.push(
        pullRequest({
          id: 10_000 + build,
          firstCommit: iso(builtAt - 40 * 3_600_000),
          created: iso(builtAt - 10 * 3_600_000),
          merged: iso(builtAt - 2 * 3_600_000),
          shas: [`p${build}`, `m${carried}`, `a${carried}`],
        }),
      );
      // Squashed: only its own merge commit reaches main.
      shas.push(`p${build}`);
    }
    pending.push(...shas);
    if (branch !== 'refs/heads/main' || random() < 0.3) continue;
    buildCommits.push({ buildId: build, commitShas: pending, provenance: { rawPageId: build } });
    pending = [];
    const finished = iso(builtAt + 2 * 3_600_000);
    if (random() < 0.1) {
      deployments.push(
        deployment({ id: `f${build}`, finished, build, outcome: 'failed', sourceVersion: `m${build}` }),
      );
    }
    deployments.push(
      deployment({ id: `p${build}`, finished, build, sourceVersion: `m${build}`, attempt: 2 }),
    );
    if (random() < 0.05) {
      const later = iso(builtAt + 30 * 3_600_000);
      deployments.push(deployment({ id: `r${build}`, finished: later, build, sourceVersion: `m${build}` }));
    }
    deployments.push(deployment({ id: `s${build}`, finished, build, environment: 'Staging' }));
  }
  const incidents = Array.from({ length: 40 }, (_, n) =>
    incident({
      id: 90_000 + n,
      created: iso(start + n * 190 * 3_600_000),
      completed: n % 3 === 0 ? null : iso(start + n * 190 * 3_600_000 + 5 * 3_600_000),
      link: n % 10 === 0 ? (deployments.find((d) => d.id.startsWith('p'))?.id ?? null) : null,
    }),
  );
  return { deployments, changes, buildCommits, incidents, bugWorkItemIds: new Set([1, 2, 3, 5, 8]) };
}

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
    const records = generated(promote);
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
    const records = generated(true);
    const { links } = carryAcrossBranches(records.changes, linkChangesToBuildTable(records));
    expect(links).not.toBeInstanceOf(LinkTable);
    const pair = (link: { buildId: number; changeId: string }) => `${link.buildId}|${link.changeId}`;
    const direct = new Set(linkChangesToBuilds(records).map(pair));
    expect(linkArrayOf(links).filter((link) => !direct.has(pair(link))).length).toBeGreaterThan(0);
  });

  it('groups a table by change id when it meets another change list', () => {
    const records = generated(false);
    const table = linkChangesToBuildTable(records);
    const reordered = [...records.changes].reverse();
    const grouped = groupChangesByBuild(table, reordered);
    const expected = groupChangesByBuild(table.toArray(), reordered);
    expect(grouped.byBuild).toEqual(expected.byBuild);
    expect(grouped.changes).toBe(reordered);
  });
});
