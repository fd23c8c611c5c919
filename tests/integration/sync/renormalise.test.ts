import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { renormaliseFromRaw } from '../../../service/src/sync/renormalise.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import {
  BACKENDS,
  openTestRepository,
  queryRaw,
  type TestRepository,
} from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

describe.each(BACKENDS)('resync --from-raw on %s', (backend) => {
  let simulator: RunningSimulator;
  let directory: ReturnType<typeof temporaryDirectory>;
  let test: TestRepository;

  beforeEach(async () => {
    directory = temporaryDirectory('renormalise');
    simulator = await startSimulator({ seed: 51, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    test = await openTestRepository(backend, directory.path, 'renormalise');
  });

  afterEach(async () => {
    await test.dispose();
    await simulator.close().catch(() => undefined); // the first test closes it itself
    directory.remove();
  });

  it('rebuilds exactly the same normalised records from raw pages, with the simulator shut down', async () => {
    const { repository } = test;
    const organization = simulator.organization;
    await syncOrganization({
      repository,
      createConnection: createAdoConnection,
      logger: silentLogger,
      maxPageSize: 30,
      target: {
        organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    const project = simulator.project;
    const team = simulator.team;
    const before = {
      items: await flowSnapshot(repository, organization, project),
      workflow: [...(await repository.getWorkflow(organization, project))].map(([type, states]) => [
        type,
        [...states],
      ]),
      scope: await repository.getTeamScope(organization, project, team),
      iterations: await repository.getTeamIterations(organization, project, team),
      columns: await repository.getBoardColumns(organization, project, team),
      columnHistory: [...(await repository.getBoardColumnHistory(organization, project))],
      counts: await repository.countRows(organization),
    };
    // Every item's iteration moves (sprint membership), read through the sprints' paths.
    const sprintPaths = before.iterations.map((iteration) => iteration.path);
    const membership = await repository.getIterationHistories(organization, [project, ...sprintPaths]);
    expect(membership.known).toBe(true);
    expect(membership.items.length).toBeGreaterThan(0);
    expect(before.iterations.length).toBeGreaterThan(0);
    expect(before.columns.length).toBeGreaterThan(0);
    expect(before.columnHistory.length).toBeGreaterThan(0);

    await simulator.close();
    // A mapping fix would change these rows; here they are wiped to prove everything comes back from raw.
    await repository.clearNormalised(organization);
    expect((await repository.countRows(organization)).workItems).toBe(0);

    const report = await renormaliseFromRaw({ repository, organization, logger: silentLogger, batchSize: 7 });
    expect(report.pages).toBe(before.counts.rawPages);
    expect(report.byKind['wit.reporting.revisions']).toBeGreaterThanOrEqual(2);
    expect(await flowSnapshot(repository, organization, project)).toEqual(before.items);
    expect(
      [...(await repository.getWorkflow(organization, project))].map(([type, states]) => [type, [...states]]),
    ).toEqual(before.workflow);
    expect(await repository.getTeamScope(organization, project, team)).toEqual(before.scope);
    expect(await repository.getTeamIterations(organization, project, team)).toEqual(before.iterations);
    expect(await repository.getBoardColumns(organization, project, team)).toEqual(before.columns);
    const rebuilt = await repository.getIterationHistories(organization, [project, ...sprintPaths]);
    const byItem = (histories: typeof membership) =>
      [...histories.items].sort((a, b) => a.workItemId - b.workItemId);
    expect(byItem(rebuilt)).toEqual(byItem(membership));
    expect([...(await repository.getBoardColumnHistory(organization, project))]).toEqual(
      before.columnHistory,
    );
    expect(await repository.countRows(organization)).toEqual(before.counts);
    // Provenance still points at the original pages: no page was added.
    const [pageCount] = await queryRaw(test.target, 'SELECT COUNT(*) AS n FROM raw_pages');
    expect(Number(Object.values(pageCount as object)[0])).toBe(before.counts.rawPages);
  });

  it('names a raw page it cannot read instead of skipping it', async () => {
    await test.repository.applyTeamScopePage(
      'someorg',
      'P',
      'T',
      {
        stream: 'work.somethingNew',
        requestUrl: 'GET x',
        requestToken: null,
        responseToken: null,
        isLastBatch: true,
        itemCount: 0,
        body: '{}',
      },
      { field: 'System.AreaPath', values: [], backlogWorkItemTypes: [] },
    );
    await expect(
      renormaliseFromRaw({ repository: test.repository, organization: 'someorg', logger: silentLogger }),
    ).rejects.toThrow(/kind "work.somethingNew"/);
  });
});
