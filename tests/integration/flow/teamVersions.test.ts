/**
 * Answers are versioned per team (flow) and per project (delivery), on both backends: a page stored for
 * one team's items changes that team's ETag and leaves another team's as it was; an item moving between
 * teams changes both; a team's settings, iterations and its project's workflow change it; pages of
 * another project change no flow or delivery version here. A finished sync run changes ETags (answers
 * name it in syncedAt) but no computation is repeated.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamScope, WorkItemRevisionRecord } from '../../../service/src/domain/records.ts';
import type { DeploymentRow } from '../../../service/src/storage/delivery/repository.ts';
import { createDeliveryService } from '../../../service/src/services/delivery/service.ts';
import { createFlowCaches, createFlowService } from '../../../service/src/services/flow/service.ts';
import { staticOrganizationDirectory } from '../../../service/src/services/organizationDirectory.ts';
import { deriveColumnChanges } from '../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveIterationChanges } from '../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import { deriveTransitions } from '../../../service/src/sync/normalise/workItems/transitions.ts';
import { page } from '../delivery/seedWork.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const ORG = 'org-v';
const DERIVE = {
  transitions: deriveTransitions,
  columnChanges: deriveColumnChanges,
  iterationChanges: deriveIterationChanges,
};
const QUERY = { from: '2026-01-01', to: '2026-03-31' };

const scope = (value: string): TeamScope => ({
  field: 'System.AreaPath',
  values: [{ value, includeChildren: true }],
  backlogWorkItemTypes: ['User Story'],
});

function item(id: number, areaPath: string, revision = 1, project = 'P'): WorkItemRevisionRecord {
  const createdAt = Date.UTC(2026, 0, 5) + id * 3_600_000;
  return {
    workItemId: id,
    revision,
    project,
    workItemType: 'User Story',
    title: `Item ${id}`,
    areaPath,
    state: revision === 1 ? 'New' : 'Active',
    tags: [],
    createdAt,
    changedAt: createdAt + revision * 86_400_000,
    isDeleted: false,
    boardColumn: null,
  };
}

const deployment = (project: string, id: string): DeploymentRow => ({
  id,
  source: 'environment',
  project,
  pipelineId: 1,
  pipelineName: 'web',
  environmentName: 'production',
  stageName: 'Deploy',
  buildId: 1,
  releaseId: null,
  repository: null,
  sourceBranch: null,
  sourceVersion: null,
  attempt: 1,
  queuedAt: null,
  startedAt: null,
  finishedAt: Date.UTC(2026, 1, 1),
  outcome: 'succeeded',
  rawResult: 'succeeded',
});

describe.each(BACKENDS)('per-team and per-project data versions on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let test: TestRepository;

  beforeEach(async () => {
    directory = temporaryDirectory('team-versions');
    test = await openTestRepository(backend, directory.path, 'team-versions');
    const { repository, delivery } = test.storage;
    for (const project of ['P', 'Q']) {
      await repository.applyWorkflowPage(ORG, project, page('test.workflow'), [
        { workItemType: 'User Story', state: 'New', category: 'Proposed' },
        { workItemType: 'User Story', state: 'Active', category: 'InProgress' },
      ]);
    }
    await repository.applyTeamScopePage(ORG, 'P', 'Alpha', page('test.scope'), scope('P\\Alpha'));
    await repository.applyTeamScopePage(ORG, 'P', 'Beta', page('test.scope'), scope('P\\Beta'));
    await repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      [item(1, 'P\\Alpha'), item(2, 'P\\Beta\\Sub'), item(3, 'Q\\Alpha', 1, 'Q')],
      DERIVE,
    );
    await delivery.applyDeploymentsPage(ORG, page('test.deployments'), [
      deployment('P', 'environment:p1'),
      deployment('Q', 'environment:q1'),
    ]);
  });

  afterEach(async () => {
    await test.dispose();
    directory.remove();
  });

  function services(caches = createFlowCaches()) {
    const { storage } = test;
    const organizations = staticOrganizationDirectory([
      { name: ORG, url: 'https://dev.azure.com/org-v', timeZone: 'UTC' },
    ]);
    const flow = createFlowService({
      repository: storage.repository,
      organizations,
      teamSettings: storage.teamSettings,
      caches,
    });
    const delivery = createDeliveryService({
      repository: storage.repository,
      delivery: storage.delivery,
      organizations,
      settings: storage.deliverySettings,
    });
    return {
      team: async (team: string) =>
        (await flow.open({ organization: ORG, project: 'P', team })).versionKey(undefined),
      project: async (project: string) =>
        (await delivery.open({ organization: ORG, project })).versionKey(undefined),
      flow,
    };
  }

  async function versions() {
    const { team, project } = services();
    return {
      alpha: await team('Alpha'),
      beta: await team('Beta'),
      p: await project('P'),
      q: await project('Q'),
    };
  }

  it("a page for one team's items changes that team's version only", async () => {
    const before = await versions();
    await test.repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      [item(4, 'p\\alpha\\Child')],
      DERIVE,
    );
    const after = await versions();
    expect(after.alpha).not.toBe(before.alpha);
    expect(after.beta).toBe(before.beta);
    // Work items are the project's incidents and bugs: its delivery answers move too, another project's not.
    expect(after.p).not.toBe(before.p);
    expect(after.q).toBe(before.q);
  });

  it('an item moving from one team to another changes both', async () => {
    const before = await versions();
    await test.repository.applyRevisionPage(ORG, page('test.revisions'), [item(1, 'P\\Beta', 2)], DERIVE);
    const after = await versions();
    expect(after.alpha).not.toBe(before.alpha);
    expect(after.beta).not.toBe(before.beta);
  });

  it("another project's pages change no version of this one", async () => {
    const before = await versions();
    await test.repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      [item(5, 'Q\\Alpha', 1, 'Q')],
      DERIVE,
    );
    await test.storage.delivery.applyDeploymentsPage(ORG, page('test.deployments'), [
      deployment('Q', 'environment:q2'),
    ]);
    const after = await versions();
    expect(after).toEqual({ ...before, q: after.q });
    expect(after.q).not.toBe(before.q);
  });

  it("a team's settings, iterations and its project's workflow change its version", async () => {
    const start = await versions();
    await test.storage.teamSettings.save(ORG, 'P', 'Beta', {
      settings: '{}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    const settled = await versions();
    expect(settled).toEqual({ ...start, beta: settled.beta });
    expect(settled.beta).not.toBe(start.beta);

    await test.repository.applyIterationsPage(ORG, 'P', 'Alpha', page('test.iterations'), [
      { id: 's1', name: 'Sprint 1', path: 'P\\Sprint 1', startDay: '2026-01-05', finishDay: '2026-01-16' },
    ]);
    const iterated = await versions();
    expect(iterated.alpha).not.toBe(settled.alpha);
    expect(iterated.beta).toBe(settled.beta);

    await test.repository.applyWorkflowPage(ORG, 'P', page('test.workflow'), [
      { workItemType: 'User Story', state: 'Closed', category: 'Completed' },
    ]);
    const workflow = await versions();
    expect(workflow.alpha).not.toBe(iterated.alpha);
    expect(workflow.beta).not.toBe(iterated.beta);
    expect(workflow.q).toBe(iterated.q);

    await test.storage.deliverySettings.save(ORG, 'Q', {
      settings: '{}',
      updatedAt: '2026-06-02T00:00:00.000Z',
    });
    const delivery = await versions();
    expect(delivery).toEqual({ ...workflow, q: delivery.q });
    expect(delivery.q).not.toBe(workflow.q);
  });

  it('a finished sync run changes the ETags (answers name it) without computing anything again', async () => {
    const caches = createFlowCaches();
    const { flow, team } = services(caches);
    const answer = async () =>
      (await flow.open({ organization: ORG, project: 'P', team: 'Alpha' })).throughput(QUERY);
    const first = await answer();
    const before = await team('Alpha');
    const beta = await team('Beta');
    const misses = { data: caches.teamData.stats().misses, results: caches.results.stats().misses };

    const run = await test.repository.startSyncRun(ORG);
    await test.repository.finishSyncRun(run, { status: 'succeeded', pages: 0, requests: 0, revisions: 0 });
    const second = await answer();
    expect(await team('Alpha')).not.toBe(before);
    expect(await team('Beta')).not.toBe(beta);
    expect(second.syncedAt).toBe(await test.repository.lastSuccessfulSync(ORG));
    expect(first.syncedAt).toBeNull();
    expect({ ...second, syncedAt: null }).toEqual(first);
    expect({ data: caches.teamData.stats().misses, results: caches.results.stats().misses }).toEqual(misses);
  });

  it('re-normalising from raw pages changes every version', async () => {
    const before = await versions();
    await test.repository.clearNormalised(ORG);
    const after = await versions().catch(() => undefined);
    // The teams are gone until their pages are applied again; the projects' versions moved.
    expect(after).toBeUndefined();
    await test.repository.applyTeamScopePage(ORG, 'P', 'Alpha', page('test.scope'), scope('P\\Alpha'));
    await test.repository.applyTeamScopePage(ORG, 'P', 'Beta', page('test.scope'), scope('P\\Beta'));
    await test.repository.applyWorkflowPage(ORG, 'Q', page('test.workflow'), [
      { workItemType: 'User Story', state: 'New', category: 'Proposed' },
    ]);
    const rebuilt = await versions();
    for (const key of ['alpha', 'beta', 'p', 'q'] as const) expect(rebuilt[key]).not.toBe(before[key]);
  });
});
