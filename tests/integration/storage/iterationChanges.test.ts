/**
 * Iteration moves in storage, on both databases: a page applied again rebuilds an item's moves from all its
 * stored revisions; a page of revisions synced before Seika asked for System.IterationPath ends nothing;
 * and migration 18 on a store from before it drops the revisions watermark, so the stream is read again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkItemRevisionRecord } from '../../../service/src/domain/records.ts';
import { migrate } from '../../../service/src/storage/sql/migrate.ts';
import type { SqlDatabase } from '../../../service/src/storage/sql/sqlDatabase.ts';
import { openPostgresDatabase } from '../../../service/src/storage/postgres/postgresDatabase.ts';
import { openSqliteDatabase } from '../../../service/src/storage/sqlite/sqliteDatabase.ts';
import { deriveColumnChanges } from '../../../service/src/sync/normalise/workItems/columnChanges.ts';
import { deriveIterationChanges } from '../../../service/src/sync/normalise/workItems/iterationChanges.ts';
import { deriveTransitions } from '../../../service/src/sync/normalise/workItems/transitions.ts';
import { page } from '../delivery/seedWork.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const ORG = 'org-iterations';
const DERIVERS = {
  transitions: deriveTransitions,
  columnChanges: deriveColumnChanges,
  iterationChanges: deriveIterationChanges,
};

function revision(workItemId: number, rev: number, day: string, iterationPath: string | null) {
  const record: WorkItemRevisionRecord = {
    workItemId,
    revision: rev,
    project: 'P',
    workItemType: 'User Story',
    title: `Item ${workItemId}`,
    areaPath: 'P\\Web',
    state: rev === 1 ? 'New' : 'Active',
    tags: [],
    createdAt: Date.parse('2026-06-01T00:00:00Z'),
    changedAt: Date.parse(`${day}T03:00:00Z`),
    isDeleted: false,
    boardColumn: null,
    iterationPath,
  };
  return record;
}

describe.each(BACKENDS)('iteration moves on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let opened: TestRepository;

  beforeEach(async () => {
    directory = temporaryDirectory('iteration-changes');
    opened = await openTestRepository(backend, directory.path, 'iterations');
  });

  afterEach(async () => {
    await opened.dispose();
    directory.remove();
  });

  it('keeps each item’s moves when pages are applied again, and finds the items ever in a sprint', async () => {
    const { repository } = opened;
    const first = [revision(1, 1, '2026-06-01', 'P\\Sprint 1'), revision(1, 2, '2026-06-05', 'P\\Sprint 2')];
    const second = [revision(1, 3, '2026-06-08', 'P'), revision(1, 4, '2026-06-09', 'p\\sprint 2')];
    await repository.applyRevisionPage(ORG, page('test.revisions'), first, DERIVERS);
    await repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      [...second, revision(2, 1, '2026-06-02', 'P\\Sprint 3')],
      DERIVERS,
    );
    const expected = [
      {
        workItemId: 1,
        moves: [
          { at: Date.parse('2026-06-01T03:00:00Z'), iterationPath: 'P\\Sprint 1' },
          { at: Date.parse('2026-06-05T03:00:00Z'), iterationPath: 'P\\Sprint 2' },
          { at: Date.parse('2026-06-08T03:00:00Z'), iterationPath: 'P' },
          { at: Date.parse('2026-06-09T03:00:00Z'), iterationPath: 'p\\sprint 2' },
        ],
      },
    ];
    expect(await repository.getIterationHistories(ORG, ['P\\SPRINT 2'])).toEqual({
      known: true,
      items: expected,
    });

    // The first page again (a rerun after an interruption): the item's moves are rebuilt from every revision.
    await repository.applyRevisionPage(ORG, page('test.revisions'), first, DERIVERS);
    expect(await repository.getIterationHistories(ORG, ['P\\Sprint 2'])).toEqual({
      known: true,
      items: expected,
    });
    expect(
      (await repository.getIterationHistories(ORG, ['P\\Sprint 3'])).items.map((item) => item.workItemId),
    ).toEqual([2]);
    expect(await repository.getIterationHistories('another-org', ['P\\Sprint 2'])).toEqual({
      known: false,
      items: [],
    });
  });

  it('starts an item’s history at its first revision that carries a path', async () => {
    const { repository } = opened;
    // Synced before Seika asked for the path: nothing is known, so nothing is a sprint's.
    await repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      [revision(5, 1, '2026-06-01', null), revision(5, 2, '2026-06-02', null)],
      DERIVERS,
    );
    expect(await repository.getIterationHistories(ORG, ['P\\Sprint 1'])).toEqual({ known: false, items: [] });
    await repository.applyRevisionPage(
      ORG,
      page('test.revisions'),
      [revision(5, 3, '2026-06-03', 'P\\Sprint 1')],
      DERIVERS,
    );
    expect(await repository.getIterationHistories(ORG, ['P\\Sprint 1'])).toEqual({
      known: true,
      items: [
        { workItemId: 5, moves: [{ at: Date.parse('2026-06-03T03:00:00Z'), iterationPath: 'P\\Sprint 1' }] },
      ],
    });
  });

  it('migration 18 on an older store drops the revisions watermark only', async () => {
    const { repository, target } = opened;
    await repository.setWatermark(ORG, 'wit.reporting.revisions', '813;350;1');
    await repository.setWatermark(ORG, 'wit.reporting.links', '2026-06-01');
    // A second connection to the same database plays the older service's store.
    const database: SqlDatabase =
      target.kind === 'sqlite'
        ? openSqliteDatabase(target.path)
        : await openPostgresDatabase({
            connectionString: target.connectionString,
            ...(target.schema === undefined ? {} : { schema: target.schema }),
          });
    try {
      // The store as it was before version 18.
      await database.exec(`
        DROP TABLE iteration_changes;
        ALTER TABLE work_item_revisions DROP COLUMN iteration_path;
        ALTER TABLE work_items DROP COLUMN iteration_path;
        DELETE FROM schema_migrations WHERE version = 18;
      `);
      await migrate(database);
      const watermarks = await database.all(
        'SELECT stream FROM watermarks WHERE organization = ? ORDER BY stream',
        [ORG],
      );
      expect(watermarks.map((row) => row['stream'])).toEqual(['wit.reporting.links']);
      expect(await database.all('SELECT * FROM iteration_changes')).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
