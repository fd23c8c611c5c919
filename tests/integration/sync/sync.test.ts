import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { organizationNameFromUrl } from '../../../service/src/services/organizationDirectory.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const PAGE_SIZE = 25;

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
const opened: TestRepository[] = [];

function sync(repository: SeikaRepository, maxPageSize = PAGE_SIZE) {
  return syncOrganization({
    repository,
    createConnection: createAdoConnection,
    logger: silentLogger,
    maxPageSize,
    target: {
      organization: organizationNameFromUrl(simulator.organizationUrl),
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

function revisionRequests(from = 0) {
  return simulator.requestLog.slice(from).filter((entry) => /reporting\/workitemrevisions/i.test(entry.path));
}

beforeEach(async () => {
  directory = temporaryDirectory('sync');
  simulator = await startSimulator({ seed: 11, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
});

afterEach(async () => {
  for (const test of opened.splice(0)) await test.dispose();
  await simulator.close();
  directory.remove();
});

describe.each(BACKENDS)('sync against the simulator over HTTP, stored in %s', (backend) => {
  async function openRepository(name: string): Promise<SeikaRepository> {
    const test = await openTestRepository(backend, directory.path, name);
    opened.push(test);
    return test.repository;
  }

  it('pages through every revision, stores raw pages and normalised rows, and sets the watermark', async () => {
    const repository = await openRepository('first');
    const report = await sync(repository);
    const organization = organizationNameFromUrl(simulator.organizationUrl);
    const counts = await repository.countRows(organization);
    const pages = await repository.listRawPages(organization, REVISIONS_STREAM);

    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(revisionRequests()).toHaveLength(pages.length);
    expect(pages.at(-1)?.isLastBatch).toBe(true);
    expect(pages.slice(0, -1).every((page) => !page.isLastBatch && page.itemCount === PAGE_SIZE)).toBe(true);
    expect(counts.revisions).toBe(report.revisions);
    expect(pages.reduce((sum, page) => sum + page.itemCount, 0)).toBe(report.revisions);
    expect(counts.workItems).toBeGreaterThan(20);
    expect(counts.transitions).toBeGreaterThan(counts.workItems);
    expect(await repository.getWatermark(organization, REVISIONS_STREAM)).toBe(pages.at(-1)?.responseToken);
    expect(report.teams).toBe(1);
    expect(report.requests).toBeGreaterThan(pages.length);

    // The same organization read with one large page gives exactly the same normalised data.
    const single = await openRepository('single');
    await sync(single, 1000);
    expect(await flowSnapshot(single, organization, simulator.project)).toEqual(
      await flowSnapshot(repository, organization, simulator.project),
    );
  });

  it('fetches only new revisions on the second run, starting from the stored watermark', async () => {
    const repository = await openRepository('incremental');
    const organization = organizationNameFromUrl(simulator.organizationUrl);
    const first = await sync(repository);
    const watermark = await repository.getWatermark(organization, REVISIONS_STREAM);
    const logBefore = simulator.requestLog.length;

    simulator.addActivity({ revisions: 30 });
    const second = await sync(repository);

    const requests = revisionRequests(logBefore);
    expect(requests[0]?.query['continuationToken']).toBe(watermark);
    expect(requests.every((entry) => entry.query['startDateTime'] === undefined)).toBe(true);
    expect(second.revisions).toBe(30);
    expect((await repository.countRows(organization)).revisions).toBe(first.revisions + 30);

    // Nothing new: one request, no revisions, and the data is unchanged.
    const snapshot = await flowSnapshot(repository, organization, simulator.project);
    const third = await sync(repository);
    expect(third.revisions).toBe(0);
    expect(await flowSnapshot(repository, organization, simulator.project)).toEqual(snapshot);
  });

  it('leaves no half-applied page when a run is interrupted, and a rerun ends with the full data', async () => {
    const real = await openRepository('interrupted');
    const organization = organizationNameFromUrl(simulator.organizationUrl);
    let pagesSeen = 0;
    // Fails in the middle of the third page's transaction, after some of its rows were written.
    const failing: SeikaRepository = Object.create(real, {
      applyRevisionPage: {
        value: (...[org, page, revisions, derive]: Parameters<SeikaRepository['applyRevisionPage']>) => {
          pagesSeen += 1;
          let derived = 0;
          return real.applyRevisionPage(org, page, revisions, {
            ...derive,
            transitions: (history, stateBefore) => {
              derived += 1;
              if (pagesSeen === 3 && derived === 3) throw new Error('simulated crash mid-page');
              return derive.transitions(history, stateBefore);
            },
          });
        },
      },
    });

    await expect(sync(failing)).rejects.toThrow('simulated crash mid-page');
    const pages = await real.listRawPages(organization, REVISIONS_STREAM);
    expect(pages).toHaveLength(2);
    expect((await real.countRows(organization)).revisions).toBe(2 * PAGE_SIZE);
    expect(await real.getWatermark(organization, REVISIONS_STREAM)).toBeUndefined();

    await sync(real);
    const reference = await openRepository('reference');
    await sync(reference);
    expect(await flowSnapshot(real, organization, simulator.project)).toEqual(
      await flowSnapshot(reference, organization, simulator.project),
    );
  });

  it('keeps organizations apart: every read and watermark is scoped by organization', async () => {
    const repository = await openRepository('tenants');
    const syncAs = (organization: string) =>
      syncOrganization({
        repository,
        createConnection: createAdoConnection,
        logger: silentLogger,
        target: {
          organization,
          organizationUrl: simulator.organizationUrl,
          personalAccessToken: simulator.pat,
        },
      });
    const alpha = await syncAs('alpha');
    simulator.addActivity({ revisions: 10 });
    const beta = await syncAs('beta');
    expect(beta.revisions).toBe(alpha.revisions + 10);
    expect((await repository.countRows('alpha')).revisions).toBe(alpha.revisions);
    expect((await repository.countRows('beta')).revisions).toBe(beta.revisions);
    expect(await repository.getWatermark('alpha', REVISIONS_STREAM)).not.toBe(
      await repository.getWatermark('beta', REVISIONS_STREAM),
    );
    expect(await repository.getFlowItems('alpha', simulator.project)).not.toEqual(
      await repository.getFlowItems('beta', simulator.project),
    );
    expect(await repository.getFlowItems('gamma', simulator.project)).toEqual([]);
    expect(await repository.getTeamScope('gamma', simulator.project, simulator.team)).toBeUndefined();
    expect((await repository.getWorkflow('gamma', simulator.project)).size).toBe(0);
    expect(await repository.countRows('gamma')).toEqual({
      rawPages: 0,
      revisions: 0,
      transitions: 0,
      workItems: 0,
    });
  });

  it('stops with a clear error when the PAT is refused', async () => {
    const repository = await openRepository('refused');
    await expect(
      syncOrganization({
        repository,
        createConnection: createAdoConnection,
        logger: silentLogger,
        target: {
          organization: 'x',
          organizationUrl: simulator.organizationUrl,
          personalAccessToken: 'not-the-pat',
        },
      }),
    ).rejects.toThrow(/refused the credentials/);
  });
});
