import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentRow } from '../../../service/src/storage/delivery/repository.ts';
import type { RawPage } from '../../../service/src/storage/repository.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let opened: TestRepository | undefined;

const page = (stream: string): RawPage => ({
  stream,
  requestUrl: `test://${stream}`,
  requestToken: null,
  responseToken: null,
  isLastBatch: true,
  itemCount: 1,
  body: '{}',
});

const deployment: DeploymentRow = {
  id: 'environment:1',
  source: 'environment',
  project: 'Deploys Only',
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
  finishedAt: 1,
  outcome: 'succeeded',
  rawResult: 'succeeded',
};

beforeEach(() => {
  directory = temporaryDirectory('delivery-settings');
});

afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
  directory.remove();
});

describe.each(BACKENDS)('delivery settings store on %s', (backend) => {
  async function open() {
    opened = await openTestRepository(backend, directory.path, 'delivery-settings');
    return opened.storage;
  }

  it('saves, replaces and removes per organization and project', async () => {
    const { deliverySettings } = await open();
    expect(await deliverySettings.get('org-a', 'P')).toBeUndefined();
    await deliverySettings.save('org-a', 'P', {
      settings: '{"teams":[]}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    await deliverySettings.save('org-b', 'P', {
      settings: '{"timeZone":"UTC"}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    await deliverySettings.save('org-a', 'P', {
      settings: '{"bugWorkItemTypes":["Defect"]}',
      updatedAt: '2026-06-02T00:00:00.000Z',
    });
    expect(await deliverySettings.get('org-a', 'P')).toEqual({
      settings: '{"bugWorkItemTypes":["Defect"]}',
      updatedAt: '2026-06-02T00:00:00.000Z',
    });
    expect(await deliverySettings.get('org-a', 'Q')).toBeUndefined();
    expect(await deliverySettings.remove('org-a', 'P')).toBe(true);
    expect(await deliverySettings.remove('org-a', 'P')).toBe(false);
    expect(await deliverySettings.get('org-b', 'P')).toMatchObject({ settings: '{"timeZone":"UTC"}' });
  });

  it('reads the data version in one query: project data, runs, settings, whether project and team are known', async () => {
    const { deliverySettings, repository, delivery } = await open();
    expect(await deliverySettings.readVersion('org-a', 'P', 'Web')).toEqual({
      settings: undefined,
      dataVersion: 0,
      teamDataVersion: 0,
      lastSuccessfulSync: null,
      projectKnown: false,
      teamKnown: false,
    });
    await repository.applyTeamScopePage('org-a', 'P', 'Web Team', page('scope'), {
      field: 'System.AreaPath',
      values: [{ value: 'P\\Web', includeChildren: true }],
      backlogWorkItemTypes: ['Bug'],
    });
    const known = await deliverySettings.readVersion('org-a', 'P', 'WEB TEAM');
    expect(known).toMatchObject({ dataVersion: 0, projectKnown: true, teamKnown: true });
    expect(known.teamDataVersion).toBeGreaterThan(0);
    expect(await deliverySettings.readVersion('org-a', 'P', undefined)).toMatchObject({
      teamKnown: false,
      teamDataVersion: 0,
    });
    expect((await deliverySettings.readVersion('org-b', 'P', 'Web Team')).projectKnown).toBe(false);

    await repository.applyWorkflowPage('org-a', 'Workflow Only', page('workflow'), [
      { workItemType: 'Bug', state: 'New', category: 'Proposed' },
    ]);
    const workflowOnly = await deliverySettings.readVersion('org-a', 'Workflow Only', undefined);
    expect(workflowOnly.projectKnown).toBe(true);
    expect(workflowOnly.dataVersion).toBeGreaterThan(0);
    await delivery.applyDeploymentsPage('org-a', page('deployments'), [deployment]);
    const deploysOnly = await deliverySettings.readVersion('org-a', 'Deploys Only', undefined);
    expect(deploysOnly.projectKnown).toBe(true);
    expect(deploysOnly.dataVersion).toBeGreaterThan(workflowOnly.dataVersion);
    // Another project's page leaves this one's version as it was.
    expect((await deliverySettings.readVersion('org-a', 'Workflow Only', undefined)).dataVersion).toBe(
      workflowOnly.dataVersion,
    );

    const failed = await repository.startSyncRun('org-a');
    await repository.finishSyncRun(failed, { status: 'failed', pages: 0, requests: 0, revisions: 0 });
    expect((await deliverySettings.readVersion('org-a', 'P', undefined)).lastSuccessfulSync).toBeNull();
    const run = await repository.startSyncRun('org-a');
    await repository.finishSyncRun(run, { status: 'succeeded', pages: 0, requests: 0, revisions: 0 });
    await deliverySettings.save('org-a', 'P', { settings: '{}', updatedAt: '2026-06-03T00:00:00.000Z' });
    expect(await deliverySettings.readVersion('org-a', 'P', undefined)).toMatchObject({
      lastSuccessfulSync: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      settings: { settings: '{}', updatedAt: '2026-06-03T00:00:00.000Z' },
    });
  });
});
