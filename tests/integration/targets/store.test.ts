import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SprintKey, TargetSnapshot } from '../../../service/src/storage/targets.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let directory: ReturnType<typeof temporaryDirectory>;
let opened: TestRepository | undefined;

const sprintA: SprintKey = {
  organization: 'org-a',
  project: 'P',
  team: 'Web',
  iterationId: 'A1B2C3D4-0000-0000-0000-000000000001',
};
const snapshot = (day: string, targetIndex: number, probability: number | null): TargetSnapshot => ({
  day,
  targetIndex,
  kind: 'itemsFinished',
  current: 3,
  metNow: false,
  probability,
});

beforeEach(() => {
  directory = temporaryDirectory('sprint-targets');
});

afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
  directory.remove();
});

describe.each(BACKENDS)('sprint targets store on %s', (backend) => {
  async function open() {
    opened = await openTestRepository(backend, directory.path, 'targets');
    return opened.storage.sprintTargets;
  }

  it('keeps targets per organization, team and sprint, never shared between them', async () => {
    const store = await open();
    await store.save(sprintA, {
      targets: '{"targets":[{"kind":"goalItemsDone"}]}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    await store.save(
      { ...sprintA, organization: 'org-b' },
      { targets: '{"b":1}', updatedAt: '2026-06-01T00:00:00.000Z' },
    );
    await store.save(
      { ...sprintA, team: 'Api' },
      { targets: '{"api":1}', updatedAt: '2026-06-01T00:00:00.000Z' },
    );
    await store.save(
      { ...sprintA, iterationId: 'A1B2C3D4-0000-0000-0000-000000000002' },
      { targets: '{"next":1}', updatedAt: '2026-06-02T00:00:00.000Z' },
    );
    expect(
      await store.get({ ...sprintA, team: 'WEB', iterationId: sprintA.iterationId.toLowerCase() }),
    ).toEqual({
      targets: '{"targets":[{"kind":"goalItemsDone"}]}',
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    await store.save(sprintA, { targets: '{"edited":1}', updatedAt: '2026-06-03T00:00:00.000Z' });
    expect((await store.get({ ...sprintA, organization: 'org-b' }))?.targets).toBe('{"b":1}');
    expect(
      (await store.listForTeam('org-a', 'P', 'web')).map((row) => [row.iterationId, row.targets]),
    ).toEqual([
      ['a1b2c3d4-0000-0000-0000-000000000001', '{"edited":1}'],
      ['a1b2c3d4-0000-0000-0000-000000000002', '{"next":1}'],
    ]);
    expect(await store.get({ ...sprintA, project: 'Other' })).toBeUndefined();
  });

  it('replaces a day of snapshots when the day is computed again, and keeps other days', async () => {
    const store = await open();
    await store.saveSnapshots(sprintA, '2026-06-01', [
      snapshot('2026-06-01', 0, 0.5),
      snapshot('2026-06-01', 1, null),
    ]);
    await store.saveSnapshots(sprintA, '2026-06-02', [snapshot('2026-06-02', 0, 0.625)]);
    await store.saveSnapshots(sprintA, '2026-06-01', [snapshot('2026-06-01', 0, 0.4375)]);
    expect(await store.snapshots(sprintA)).toEqual([
      snapshot('2026-06-01', 0, 0.4375),
      snapshot('2026-06-02', 0, 0.625),
    ]);
    expect(await store.snapshots({ ...sprintA, team: 'Api' })).toEqual([]);
  });
});
