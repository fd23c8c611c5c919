import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const DELIVERY_WITHOUT_BRANCH_HISTORY = [
  'build.builds',
  'distributedtask.environmentDeployments',
  'release.deployments',
  'build.deploymentChanges',
];

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
const opened: TestRepository[] = [];

beforeEach(async () => {
  directory = temporaryDirectory('deployment-changes-derived');
  simulator = await startSimulator({ seed: 29, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
});

afterEach(async () => {
  for (const test of opened.splice(0)) await test.dispose();
  await simulator.close();
  directory.remove();
});

function sync(test: TestRepository, streams: readonly string[] | 'all') {
  return syncOrganization({
    repository: test.repository,
    delivery: test.storage.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    maxPageSize: 100,
    streams,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}

/** Commits per deployed build, as the delivery engine reads them. */
async function commitsByBuild(test: TestRepository): Promise<Map<number, string[]>> {
  const records = await test.storage.delivery.listBuildCommits(simulator.organization);
  return new Map(records.map((record) => [record.buildId, [...record.commitShas].sort()]));
}

const changesBetweenBuilds = (from: number) =>
  simulator.requestLog.slice(from).filter((entry) => entry.path.endsWith('/_apis/build/changes'));

describe.each(BACKENDS)('changes between deployments derived from the branch history, on %s', (backend) => {
  it('equal what build/changes answers, with far fewer requests, and keep their provenance', async () => {
    const derivedStore = await openTestRepository(backend, directory.path, 'derived');
    const askedStore = await openTestRepository(backend, directory.path, 'asked');
    opened.push(derivedStore, askedStore);

    // Without the changes stream there is no branch history: every question goes to Azure DevOps.
    const beforeAsked = simulator.requestLog.length;
    await sync(askedStore, DELIVERY_WITHOUT_BRANCH_HISTORY);
    const asked = changesBetweenBuilds(beforeAsked).length;
    const beforeDerived = simulator.requestLog.length;
    await sync(derivedStore, 'all');
    const askedAnyway = changesBetweenBuilds(beforeDerived).length;

    const expected = await commitsByBuild(askedStore);
    expect(expected.size).toBeGreaterThan(3);
    expect([...expected.values()].some((shas) => shas.length > 1)).toBe(true);
    expect(await commitsByBuild(derivedStore)).toEqual(expected);
    expect(asked).toBeGreaterThan(3);
    expect(askedAnyway).toBeLessThan(asked / 2);

    const pages = await derivedStore.repository.listRawPages(simulator.organization, 'build.changes');
    const derivedPages = pages.filter((page) => page.requestUrl.includes(' derived:git.commits?'));
    expect(derivedPages.length).toBeGreaterThan(0);
    expect(derivedPages.length + askedAnyway).toBeLessThanOrEqual(pages.length);

    // A second run finds every question answered and asks nothing.
    const beforeRerun = simulator.requestLog.length;
    await sync(derivedStore, 'all');
    expect(changesBetweenBuilds(beforeRerun)).toEqual([]);
    expect(await commitsByBuild(derivedStore)).toEqual(expected);
  });
});
