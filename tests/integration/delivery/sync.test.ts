import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { computeDeliveryMetrics } from '../../../service/src/metrics/delivery/index.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { SimulatorRequest } from '../../../service/src/simulator/server.ts';
import { BUILDS_STREAM } from '../../../service/src/sync/collect/delivery/builds.ts';
import { ENVIRONMENTS_STREAM } from '../../../service/src/sync/collect/delivery/environmentDeployments.ts';
import { CHANGES_STREAM } from '../../../service/src/sync/collect/delivery/pullRequests.ts';
import { RELEASES_STREAM } from '../../../service/src/sync/collect/delivery/releaseDeployments.ts';
import { deliveryInputFrom } from '../../../service/src/sync/normalise/delivery/input.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const PAGE_SIZE = 25;
const DAY = 86_400_000;

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
const opened: TestRepository[] = [];

function sync(test: TestRepository) {
  return syncOrganization({
    repository: test.repository,
    delivery: test.storage.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    maxPageSize: PAGE_SIZE,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

function requests(pattern: RegExp, from = 0): SimulatorRequest[] {
  return simulator.requestLog.slice(from).filter((entry) => pattern.test(entry.path));
}

/** Every delivery record, without provenance (a page read again gives its rows a new raw page id). */
async function deliverySnapshot(test: TestRepository) {
  const records = await test.storage.delivery.readDeliveryRecords(simulator.organization);
  const plain: unknown = JSON.parse(
    JSON.stringify(
      { ...records, bugWorkItemIds: [...records.bugWorkItemIds].sort((a, b) => a - b) },
      (key, value: unknown) => (key === 'provenance' ? undefined : value),
    ),
  );
  return plain;
}

const withoutToken = (query: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(query).filter(([name]) => name !== 'continuationToken'));

/**
 * A chain of header-token pages: the first request has no token, each next one sends the token the
 * previous page's response header carried, with every other filter unchanged.
 */
async function expectHeaderChain(
  test: TestRepository,
  kind: string,
  chain: SimulatorRequest[],
  urlPart: string,
) {
  const pages = (await test.repository.listRawPages(simulator.organization, kind)).filter((page) =>
    page.requestUrl.includes(urlPart),
  );
  expect(chain.length).toBeGreaterThanOrEqual(2);
  expect(chain).toHaveLength(pages.length);
  expect(chain[0]?.query['continuationToken']).toBeUndefined();
  pages.forEach((page, index) => {
    const sent = chain[index]?.query ?? {};
    expect(sent['continuationToken'] ?? null).toBe(page.requestToken);
    if (index > 0) expect(page.requestToken).toBe(pages[index - 1]?.responseToken);
    expect(withoutToken(sent)).toEqual(withoutToken(chain[0]?.query ?? {}));
  });
  expect(pages.at(-1)?.responseToken).toBeNull();
  expect(pages.at(-1)?.isLastBatch).toBe(true);
}

beforeEach(async () => {
  directory = temporaryDirectory('delivery-sync');
  simulator = await startSimulator({ seed: 11, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
});

afterEach(async () => {
  for (const test of opened.splice(0)) await test.dispose();
  await simulator.close();
  directory.remove();
});

describe.each(BACKENDS)('delivery sync against the simulator over HTTP, stored in %s', (backend) => {
  async function open(name: string): Promise<TestRepository> {
    const test = await openTestRepository(backend, directory.path, name);
    opened.push(test);
    return test;
  }

  it('pages every list by its token and stores records the delivery engine reads', async () => {
    const test = await open('first');
    const report = await sync(test);
    expect(report.streams.filter((stream) => stream.error !== null)).toEqual([]);

    await expectHeaderChain(
      test,
      'build.builds',
      requests(/\/_apis\/build\/builds$/),
      '/_apis/build/builds?',
    );
    expect(requests(/\/_apis\/build\/builds$/).every((entry) => entry.query['minTime'] === undefined)).toBe(
      true,
    );
    await expectHeaderChain(
      test,
      'distributedtask.environmentDeploymentRecords',
      requests(/\/environments\/1\/environmentdeploymentrecords$/),
      '/environments/1/',
    );
    const releaseRequests = requests(/\/_apis\/release\/deployments$/);
    expect(releaseRequests.every((entry) => entry.path.startsWith('/vsrm/'))).toBe(true);
    expect(releaseRequests.every((entry) => entry.query['queryOrder'] === 'ascending')).toBe(true);
    await expectHeaderChain(test, 'release.deployments', releaseRequests, '/_apis/release/deployments?');
    // Pull requests have no token: `$skip` moves by `$top` until a short page.
    const pullRequestLists = requests(/\/_apis\/git\/pullrequests$/);
    expect(pullRequestLists.map((entry) => entry.query['$skip'])).toEqual(
      pullRequestLists.map((_entry, index) => String(index * PAGE_SIZE)),
    );
    expect(pullRequestLists.length).toBeGreaterThanOrEqual(2);
    expect(
      pullRequestLists.every((entry) => entry.query['searchCriteria.queryTimeRangeType'] === 'closed'),
    ).toBe(true);

    const counts = await test.storage.delivery.countDeliveryRows(simulator.organization);
    expect(counts.builds).toBeGreaterThan(PAGE_SIZE);
    expect(counts.pullRequests).toBeGreaterThan(PAGE_SIZE);
    expect(counts.pullRequestCommits).toBeGreaterThanOrEqual(counts.pullRequests);
    expect(counts.buildChangeQueries).toBeGreaterThan(0);

    const records = await test.storage.delivery.readDeliveryRecords(simulator.organization);
    const environment = records.deployments.filter((deployment) => deployment.source === 'environment');
    const classic = records.deployments.filter((deployment) => deployment.source === 'classicRelease');
    expect(environment.length).toBeGreaterThan(0);
    expect(classic.length).toBeGreaterThan(0);
    // YAML records name only their run; the builds stream's rows give the commit, branch and repository.
    expect(
      environment.every((deployment) => deployment.sourceVersion !== null && deployment.repository !== null),
    ).toBe(true);
    expect(
      records.changes.some((change) => change.kind === 'pullRequest' && change.workItemIds.length > 0),
    ).toBe(true);
    expect(records.changes.some((change) => change.kind === 'commit')).toBe(true);
    expect(records.incidents.length).toBeGreaterThan(0);

    const metrics = computeDeliveryMetrics(deliveryInputFrom(records, { timeZone: 'Asia/Tokyo' }), {
      from: '2026-04-01',
      to: '2026-05-31',
    });
    const frequency = metrics.window.deploymentFrequency;
    expect(frequency.status === 'ok' && frequency.successfulDeployments).toBeGreaterThan(0);
    const sources = new Set(metrics.deployments.map((deployment) => deployment.id.split(':')[0]));
    expect(sources).toEqual(new Set(['environment', 'classicRelease']));
    for (const source of sources) {
      expect(metrics.deployments.some((d) => d.id.startsWith(`${source}:`) && d.changeIds.length > 0)).toBe(
        true,
      );
    }
    const leadTime = metrics.window.leadTimeForChanges;
    expect(leadTime.status === 'ok' && leadTime.changes).toBeGreaterThan(0);
  });

  it('reads only what is new on the next run, equals a full sync, and a rerun changes nothing', async () => {
    const test = await open('incremental');
    await sync(test);
    const organization = simulator.organization;
    const watermark = async (stream: string): Promise<Record<string, unknown>> =>
      JSON.parse((await test.repository.getWatermark(organization, stream)) ?? '{}');
    const builds = Object.values(await watermark(BUILDS_STREAM))[0] as { queuedFrom: string };
    const releasesFrom = Object.values(await watermark(RELEASES_STREAM))[0];
    const changesFrom = await watermark(CHANGES_STREAM);
    const floors = await watermark(ENVIRONMENTS_STREAM);
    const before = await test.storage.delivery.countDeliveryRows(organization);

    const lastPageBefore = Math.max(
      ...(await test.repository.rawPagesAfter(organization, 0, 100_000)).map((page) => page.id),
    );
    simulator.advanceClock(3 * DAY);
    const logStart = simulator.requestLog.length;
    await sync(test);
    const buildLists = requests(/\/_apis\/build\/builds$/, logStart).filter(
      (entry) => !entry.query['buildIds'],
    );
    expect(buildLists[0]?.query['minTime']).toBe(builds.queuedFrom);
    expect(requests(/\/_apis\/release\/deployments$/, logStart)[0]?.query['minStartedTime']).toBe(
      releasesFrom,
    );
    expect(requests(/\/_apis\/git\/pullrequests$/, logStart)[0]?.query['searchCriteria.minTime']).toBe(
      Object.entries(changesFrom).find(([key]) => key.startsWith('pr:'))?.[1],
    );
    // Every build page of the second run holds only builds queued from the watermark on.
    const secondBuildPages = (await test.repository.listRawPages(organization, 'build.builds')).slice(
      -buildLists.length,
    );
    for (const page of secondBuildPages) {
      const queued = (JSON.parse(page.body) as { response: { value: { queueTime: string }[] } }).response
        .value;
      expect(queued.every((build) => Date.parse(build.queueTime) >= Date.parse(builds.queuedFrom))).toBe(
        true,
      );
    }
    // Environment records are read newest first, each environment only down to its floor.
    const recordPages = (await test.repository.rawPagesAfter(organization, lastPageBefore, 100_000)).filter(
      (page) => page.stream === 'distributedtask.environmentDeploymentRecords',
    );
    const byEnvironment = new Map<number, number[][]>();
    for (const page of recordPages) {
      const body = JSON.parse(page.body) as {
        context: { environment: { id: number } };
        response: { value: { id: number }[] };
      };
      const list = byEnvironment.get(body.context.environment.id) ?? [];
      list.push(body.response.value.map((record) => record.id));
      byEnvironment.set(body.context.environment.id, list);
    }
    expect(byEnvironment.size).toBe(Object.keys(floors).length);
    for (const [environmentId, pages] of byEnvironment) {
      const floor = Number(Object.entries(floors).find(([key]) => key.endsWith(`/${environmentId}`))?.[1]);
      expect(pages.slice(0, -1).every((ids) => ids.every((id) => id > floor))).toBe(true);
      expect(pages.at(-1)?.some((id) => id <= floor)).toBe(true);
    }
    const after = await test.storage.delivery.countDeliveryRows(organization);
    expect(after.builds).toBeGreaterThan(before.builds);
    expect(after.deployments).toBeGreaterThan(before.deployments);

    // The incremental result is what a full sync of the organization as it is now gives.
    const reference = await open('reference');
    await sync(reference);
    expect(await deliverySnapshot(test)).toEqual(await deliverySnapshot(reference));

    // Nothing new: no new question about builds, and the records do not change.
    const snapshot = await deliverySnapshot(test);
    const counts = await test.storage.delivery.countDeliveryRows(organization);
    const rerunStart = simulator.requestLog.length;
    await sync(test);
    expect(requests(/\/_apis\/build\/(changes|builds\/\d+\/changes)$/, rerunStart)).toEqual([]);
    expect(await deliverySnapshot(test)).toEqual(snapshot);
    expect(await test.storage.delivery.countDeliveryRows(organization)).toEqual(counts);
  });
});
