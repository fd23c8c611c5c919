import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawPage } from '../../../service/src/storage/repository.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let opened: TestRepository | undefined;

const page: RawPage = {
  stream: 'test.scope',
  requestUrl: 'test://scope',
  requestToken: null,
  responseToken: null,
  isLastBatch: true,
  itemCount: 1,
  body: '{}',
};
const scope = {
  field: 'System.AreaPath',
  values: [{ value: 'P\\Web', includeChildren: true }],
  backlogWorkItemTypes: ['Bug'],
};

beforeEach(() => {
  directory = temporaryDirectory('team-settings');
});

afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
  directory.remove();
});

describe.each(BACKENDS)('team settings store on %s', (backend) => {
  async function open() {
    opened = await openTestRepository(backend, directory.path, 'settings');
    return opened.storage;
  }

  it('saves, replaces and removes per organization, project and team (team names case-insensitive)', async () => {
    const { teamSettings } = await open();
    expect(await teamSettings.get('org-a', 'P', 'Web')).toBeUndefined();
    await teamSettings.save('org-a', 'P', 'Web', {
      settings: '{"lookbackDays":30}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    await teamSettings.save('org-b', 'P', 'Web', {
      settings: '{"lookbackDays":60}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    await teamSettings.save('org-a', 'P', 'WEB', {
      settings: '{"lookbackDays":45}',
      updatedAt: '2026-06-01T00:00:01.000Z',
    });
    expect(await teamSettings.get('org-a', 'P', 'web')).toEqual({
      settings: '{"lookbackDays":45}',
      updatedAt: '2026-06-01T00:00:01.000Z',
    });
    expect((await teamSettings.get('org-b', 'P', 'Web'))?.settings).toBe('{"lookbackDays":60}');
    expect(await teamSettings.get('org-a', 'Q', 'Web')).toBeUndefined();
    expect(await teamSettings.remove('org-a', 'P', 'Web')).toBe(true);
    expect(await teamSettings.remove('org-a', 'P', 'Web')).toBe(false);
    expect(await teamSettings.get('org-a', 'P', 'Web')).toBeUndefined();
    expect(await teamSettings.get('org-b', 'P', 'Web')).toBeDefined();
  });

  it('reads the data version in one query: pages, finished runs, the team and its settings', async () => {
    const { teamSettings, repository } = await open();
    expect(await teamSettings.readVersion('org-a', 'P', 'Web')).toEqual({
      settings: undefined,
      lastRawPage: null,
      finishedSyncRuns: 0,
      teamKnown: false,
    });
    await repository.applyTeamScopePage('org-a', 'P', 'Web', page, scope);
    const run = await repository.startSyncRun('org-a');
    const running = await teamSettings.readVersion('org-a', 'P', 'web');
    expect(running).toMatchObject({ finishedSyncRuns: 0, teamKnown: true });
    expect(running.lastRawPage).toBeGreaterThan(0);
    await repository.finishSyncRun(run, {
      status: 'failed',
      error: 'boom',
      pages: 0,
      requests: 0,
      revisions: 0,
    });
    await teamSettings.save('org-a', 'P', 'Web', { settings: '{}', updatedAt: '2026-06-02T00:00:00.000Z' });
    expect(await teamSettings.readVersion('org-a', 'P', 'Web')).toEqual({
      settings: { settings: '{}', updatedAt: '2026-06-02T00:00:00.000Z' },
      lastRawPage: running.lastRawPage,
      finishedSyncRuns: 1,
      teamKnown: true,
    });
    // Another organization's pages, runs and settings never show.
    expect(await teamSettings.readVersion('org-b', 'P', 'Web')).toEqual({
      settings: undefined,
      lastRawPage: null,
      finishedSyncRuns: 0,
      teamKnown: false,
    });
  });
});
