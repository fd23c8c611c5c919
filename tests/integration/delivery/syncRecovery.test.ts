import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection, type AdoConnectionFactory } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { BUILDS_STREAM } from '../../../service/src/sync/collect/delivery/builds.ts';
import { ENVIRONMENTS_STREAM } from '../../../service/src/sync/collect/delivery/environmentDeployments.ts';
import { CHANGES_STREAM } from '../../../service/src/sync/collect/delivery/pullRequests.ts';
import { RELEASES_STREAM } from '../../../service/src/sync/collect/delivery/releaseDeployments.ts';
import { renormaliseFromRaw } from '../../../service/src/sync/renormalise.ts';
import { SyncStreamsFailedError, syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
let test: TestRepository;

function sync(options: { streams?: string[]; createConnection?: AdoConnectionFactory } = {}) {
  return syncOrganization({
    repository: test.repository,
    delivery: test.storage.delivery,
    createConnection: options.createConnection ?? createAdoConnection,
    logger: silentLogger,
    maxPageSize: 25,
    ...(options.streams === undefined ? {} : { streams: options.streams }),
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

/** The real connection, with one item of the Nth answer from a matching path damaged. */
function damaging(
  path: RegExp,
  nth: number,
  damage: (item: Record<string, unknown>) => void,
): AdoConnectionFactory {
  return (target, options) => {
    const inner = createAdoConnection(target, options);
    let seen = 0;
    return {
      ...inner,
      async getJson(pathAndQuery, requestOptions) {
        const response = await inner.getJson(pathAndQuery, requestOptions);
        if (!path.test(pathAndQuery.split('?')[0] ?? '') || ++seen !== nth) return response;
        const body: unknown = structuredClone(response.body);
        const value: unknown =
          typeof body === 'object' && body !== null ? Reflect.get(body, 'value') : undefined;
        const item: unknown = Array.isArray(value) ? value[3] : undefined;
        if (typeof item !== 'object' || item === null)
          throw new Error('the test expected a fourth item to damage');
        damage(item as Record<string, unknown>);
        return { ...response, body };
      },
    };
  };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function readPending(watermark: string | undefined): number[] {
  const positions = JSON.parse(watermark ?? '{}') as Record<string, { pending: number[] }>;
  return Object.values(positions).flatMap((position) => position.pending);
}

beforeEach(async () => {
  directory = temporaryDirectory('delivery-recovery');
  simulator = await startSimulator({ seed: 29, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
});

afterEach(async () => {
  await test.dispose();
  await simulator.close().catch(() => undefined); // one test closes it itself
  directory.remove();
});

describe.each(BACKENDS)('delivery sync recovery on %s', (backend) => {
  beforeEach(async () => {
    test = await openTestRepository(backend, directory.path, 'recovery');
  });

  it.each([
    {
      stream: BUILDS_STREAM,
      path: /\/_apis\/build\/builds$/,
      damage: (item: Record<string, unknown>) => delete item['queueTime'],
      reason: /^field queueTime: /,
      itemKey: /^id \d+$/,
    },
    {
      stream: ENVIRONMENTS_STREAM,
      path: /\/environmentdeploymentrecords$/,
      damage: (item: Record<string, unknown>) => (item['result'] = 'exploded'),
      reason: /^field result: /,
      itemKey: /^id \d+$/,
    },
    {
      stream: RELEASES_STREAM,
      path: /\/_apis\/release\/deployments$/,
      damage: (item: Record<string, unknown>) => (item['deploymentStatus'] = 'exploded'),
      reason: /^field deploymentStatus: /,
      itemKey: /^id \d+$/,
    },
    {
      stream: CHANGES_STREAM,
      path: /\/_apis\/git\/pullrequests$/,
      damage: (item: Record<string, unknown>) => delete item['closedDate'],
      reason: /^field closedDate: /,
      itemKey: /^pullRequestId \d+$/,
    },
  ])(
    'a malformed record of a $stream page is quarantined with the field named; the run goes on',
    async ({ stream, path, damage, reason, itemKey }) => {
      const report = await sync({ streams: [stream], createConnection: damaging(path, 2, damage) });
      expect(report.streams.every((entry) => entry.error === null)).toBe(true);
      expect(await test.repository.getWatermark(simulator.organization, stream)).toBeDefined();
      const quarantined = await test.repository.listQuarantined(simulator.organization);
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0]).toMatchObject({ position: 3 });
      expect(quarantined[0]?.reason).toMatch(reason);
      expect(quarantined[0]?.itemKey).toMatch(itemKey);
    },
  );

  it('a page whose envelope is malformed fails with the field named and leaves the watermark', async () => {
    const envelopeBroken: AdoConnectionFactory = (target, options) => {
      const inner = createAdoConnection(target, options);
      return {
        ...inner,
        async getJson(pathAndQuery, requestOptions) {
          const response = await inner.getJson(pathAndQuery, requestOptions);
          if (!/\/_apis\/build\/builds$/.test(pathAndQuery.split('?')[0] ?? '')) return response;
          return { ...response, body: { count: 1, value: 'not a list' } };
        },
      };
    };
    const failing = sync({ streams: [BUILDS_STREAM], createConnection: envelopeBroken });
    await expect(failing).rejects.toThrow(SyncStreamsFailedError);
    await expect(failing).rejects.toThrow(/build\.builds page: field response\.value: /);
    expect(await test.repository.getWatermark(simulator.organization, BUILDS_STREAM)).toBeUndefined();

    // The next run without the damage reads from the start and ends with a watermark.
    await sync({ streams: [BUILDS_STREAM] });
    expect(await test.repository.getWatermark(simulator.organization, BUILDS_STREAM)).toBeDefined();
  });

  it('asks for a build that was still running by id, run after run, until it has completed', async () => {
    const organization = simulator.organization;
    await sync({ streams: [BUILDS_STREAM] });
    simulator.advanceClock(DAY);
    // Step through the working day until a build queued earlier is still running when a later one
    // is queued: the list then starts after it, and only the `buildIds=` question can follow it.
    let asked: string[] = [];
    let pendingBefore: number[] = [];
    for (let step = 0; step < 400 && asked.length === 0; step += 1) {
      pendingBefore = readPending(await test.repository.getWatermark(organization, BUILDS_STREAM));
      simulator.advanceClock(4 * MINUTE);
      const start = simulator.requestLog.length;
      await sync({ streams: [BUILDS_STREAM] });
      asked = simulator.requestLog.slice(start).flatMap((entry) => entry.query['buildIds'] ?? []);
    }
    expect(asked.length).toBeGreaterThan(0);
    const followed = asked.flatMap((ids) => ids.split(',').map(Number));
    expect(followed.every((id) => pendingBefore.includes(id))).toBe(true);

    const [buildId] = followed;
    for (let step = 0; step < 100; step += 1) {
      if (
        !readPending(await test.repository.getWatermark(organization, BUILDS_STREAM)).includes(buildId ?? 0)
      )
        break;
      simulator.advanceClock(4 * MINUTE);
      await sync({ streams: [BUILDS_STREAM] });
    }
    expect(readPending(await test.repository.getWatermark(organization, BUILDS_STREAM))).not.toContain(
      buildId,
    );
    const pages = await test.repository.listRawPages(organization, 'build.builds');
    const latest = pages
      .flatMap(
        (page) =>
          (JSON.parse(page.body) as { response: { value: { id: number; status: string }[] } }).response.value,
      )
      .filter((build) => build.id === buildId)
      .at(-1);
    expect(latest?.status).toBe('completed');
  });

  it('resync --from-raw rebuilds every delivery row from the raw pages, with the simulator shut down', async () => {
    await sync();
    const organization = simulator.organization;
    const { delivery } = test.storage;
    const before = {
      records: await delivery.readDeliveryRecords(organization),
      counts: await delivery.countDeliveryRows(organization),
      rawPages: (await test.repository.countRows(organization)).rawPages,
      answered: await delivery.answeredBuildChangeQueries(organization),
    };
    expect(before.records.deployments.length).toBeGreaterThan(0);
    expect(before.counts.buildChanges).toBeGreaterThan(0);

    await simulator.close();
    await test.repository.clearNormalised(organization);
    expect(Object.values(await delivery.countDeliveryRows(organization)).every((count) => count === 0)).toBe(
      true,
    );
    await expect(
      renormaliseFromRaw({ repository: test.repository, organization, logger: silentLogger }),
    ).rejects.toThrow(/holds delivery data: pass the delivery store/);

    await test.repository.clearNormalised(organization);
    const report = await renormaliseFromRaw({
      repository: test.repository,
      delivery,
      organization,
      logger: silentLogger,
      batchSize: 13,
    });
    expect(report.pages).toBe(before.rawPages);
    for (const kind of [
      'build.builds',
      'release.deployments',
      'git.pullRequestCommits',
      'build.changes',
    ] as const) {
      expect(report.byKind[kind]).toBeGreaterThan(0);
    }
    // Provenance included: every row points at the same page as before.
    expect(await delivery.readDeliveryRecords(organization)).toEqual(before.records);
    expect(await delivery.countDeliveryRows(organization)).toEqual(before.counts);
    expect(await delivery.answeredBuildChangeQueries(organization)).toEqual(before.answered);
    expect((await test.repository.countRows(organization)).rawPages).toBe(before.rawPages);
  });
});
