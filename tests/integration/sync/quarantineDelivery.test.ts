import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdoConnection,
  type AdoConnectionFactory,
  type JsonResponse,
} from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { BUILDS_STREAM } from '../../../service/src/sync/collect/delivery/builds.ts';
import { METADATA_STREAM } from '../../../service/src/sync/collect/workItems/teamMetadata.ts';
import { createSyncHealthReader } from '../../../service/src/sync/healthReader.ts';
import { renormaliseFromRaw } from '../../../service/src/sync/renormalise.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const PAGE_SIZE = 10;
const POISONED_BUILDS_PAGE = 2;
const POISONED_POSITION = 3;

/**
 * Answers as Azure DevOps did, except that one build in the middle of the second builds page has a
 * queue time Seika cannot read, and the first team's settings an unknown bugs behaviour.
 */
const poisoning: AdoConnectionFactory = (target, options) => {
  const connection = createAdoConnection(target, options);
  let buildPages = 0;
  let teamSettings = 0;
  return {
    ...connection,
    async getJson(pathAndQuery, requestOptions): Promise<JsonResponse> {
      const answer = await connection.getJson(pathAndQuery, requestOptions);
      if (!/\/_apis\/build\/builds\?/.test(pathAndQuery) || pathAndQuery.includes('buildIds=')) return answer;
      buildPages += 1;
      const value: unknown =
        typeof answer.body === 'object' && answer.body !== null
          ? Reflect.get(answer.body, 'value')
          : undefined;
      const victim: unknown = Array.isArray(value) ? value[POISONED_POSITION] : undefined;
      if (buildPages === POISONED_BUILDS_PAGE && typeof victim === 'object' && victim !== null) {
        Reflect.set(victim, 'queueTime', 'sometime last week');
      }
      return answer;
    },
    async call<T>(operation: string, work: () => Promise<T>): Promise<T> {
      const answer = await connection.call(operation, work);
      if (operation === 'teamSettings' && (teamSettings += 1) === 1) {
        Reflect.set(answer as object, 'bugsBehavior', 'sometimes');
      }
      return answer;
    },
  };
};

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  directory = temporaryDirectory('quarantine-delivery');
  simulator = await startSimulator({ seed: 5, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
});

afterAll(async () => {
  await simulator.close();
  directory.remove();
});

describe.each(BACKENDS)('a poisoned build and team settings record in a first sync, on %s', (backend) => {
  let clean: TestRepository;
  let poisoned: TestRepository;

  beforeAll(async () => {
    clean = await openTestRepository(backend, directory.path, `clean-${backend}`);
    poisoned = await openTestRepository(backend, directory.path, `poisoned-${backend}`);
  });

  afterAll(async () => {
    await clean.dispose();
    await poisoned.dispose();
  });

  const sync = (test: TestRepository, createConnection: AdoConnectionFactory) =>
    syncOrganization({
      repository: test.repository,
      delivery: test.storage.delivery,
      statusStore: test.storage.streamStatus,
      createConnection,
      logger: silentLogger,
      streams: [METADATA_STREAM, BUILDS_STREAM],
      maxPageSize: PAGE_SIZE,
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });

  it('quarantines both, applies the rest, moves the watermarks, counts them, and re-applies from raw', async () => {
    const organization = simulator.organization;
    await sync(clean, createAdoConnection);
    const report = await sync(poisoned, poisoning);
    expect(report.streams.every((stream) => stream.error === null)).toBe(true);

    const quarantined = await poisoned.repository.listQuarantined(organization);
    expect(quarantined.map((record) => record.stream).sort()).toEqual(['build.builds', 'work.teamScope']);
    const build = quarantined.find((record) => record.stream === 'build.builds');
    const team = quarantined.find((record) => record.stream === 'work.teamScope');
    expect(build).toMatchObject({ position: POISONED_POSITION });
    expect(build?.itemKey).toMatch(/^id \d+$/);
    expect(build?.reason).toMatch(/queueTime/);
    const buildPages = await poisoned.repository.listRawPages(organization, 'build.builds');
    expect(build?.rawPageId).toBe(buildPages[POISONED_BUILDS_PAGE - 1]?.id);
    expect(team).toMatchObject({ position: 0 });
    expect(team?.reason).toMatch(/teamSettings\.bugsBehavior/);

    // The pages' other records applied and the watermarks moved as on a clean sync.
    const cleanCounts = await clean.storage.delivery.countDeliveryRows(organization);
    expect((await poisoned.storage.delivery.countDeliveryRows(organization)).builds).toBe(
      cleanCounts.builds - 1,
    );
    // (Team metadata's watermark carries the time it was read: compared without it.)
    const watermark = async (test: TestRepository, stream: string) => {
      const value: unknown = JSON.parse((await test.repository.getWatermark(organization, stream)) ?? 'null');
      if (typeof value === 'object' && value !== null) Reflect.deleteProperty(value, 'readAt');
      return value;
    };
    for (const stream of [BUILDS_STREAM, METADATA_STREAM]) {
      expect(await watermark(poisoned, stream), stream).not.toBeNull();
      expect(await watermark(poisoned, stream), stream).toEqual(await watermark(clean, stream));
    }
    // The team whose settings could not be read has no scope; every other team has its clean one.
    const [project = '', teamName = ''] = (team?.itemKey ?? '').replace(/^team /, '').split('/');
    expect(await poisoned.repository.getTeamScope(organization, project, teamName)).toBeUndefined();
    for (const other of await clean.repository.listTeams(organization, project)) {
      if (other === teamName) continue;
      expect(await poisoned.repository.getTeamScope(organization, project, other)).toEqual(
        await clean.repository.getTeamScope(organization, project, other),
      );
    }

    // Counted in the organization's sync health, against the streams that read them.
    const health = await createSyncHealthReader({
      repository: poisoned.repository,
      statusStore: poisoned.storage.streamStatus,
      jobs: poisoned.storage.jobs,
      intervalMs: 300_000,
    }).health(organization);
    const counts = Object.fromEntries(health.streams.map((stream) => [stream.stream, stream.quarantined]));
    expect(counts).toMatchObject({ [BUILDS_STREAM]: 1, [METADATA_STREAM]: 1 });

    // resync --from-raw re-applies every page: the same two records, once each, and the same rows.
    await renormaliseFromRaw({
      repository: poisoned.repository,
      delivery: poisoned.storage.delivery,
      organization,
      logger: silentLogger,
    });
    const again = await poisoned.repository.listQuarantined(organization);
    expect(
      again.map(({ stream, rawPageId, position, itemKey }) => ({ stream, rawPageId, position, itemKey })),
    ).toEqual(
      quarantined.map(({ stream, rawPageId, position, itemKey }) => ({
        stream,
        rawPageId,
        position,
        itemKey,
      })),
    );
    expect((await poisoned.storage.delivery.countDeliveryRows(organization)).builds).toBe(
      cleanCounts.builds - 1,
    );
  });
});
