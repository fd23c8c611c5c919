/**
 * The delivery reads of work items by type (bug ids, incident candidates) go through the index of live
 * items by lower-case type (migration 21), not through every item of the project: SQLite's plan for each
 * statement they send is asked for, and PostgreSQL has the same index.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqlDeliveryRepository } from '../../../service/src/storage/sql/delivery/repository.ts';
import { DEFAULT_INCIDENT_RULE } from '../../../service/src/storage/delivery/repository.ts';
import { migrate } from '../../../service/src/storage/sql/migrate.ts';
import type { SqlDatabase, SqlValue } from '../../../service/src/storage/sql/sqlDatabase.ts';
import { openSqliteDatabase } from '../../../service/src/storage/sqlite/sqliteDatabase.ts';
import { incidentsFrom } from '../../../service/src/sync/normalise/delivery/incidents.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { openTestRepository, queryRaw } from '../../support/storageBackends.ts';

interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

/** The database, with every statement it is sent recorded. */
function recording(database: SqlDatabase, statements: Statement[]): SqlDatabase {
  return {
    ...database,
    all: (sql, params = []) => {
      statements.push({ sql, params });
      return database.all(sql, params);
    },
    get: (sql, params = []) => {
      statements.push({ sql, params });
      return database.get(sql, params);
    },
  };
}

describe('reads of work items by type', () => {
  const directory = temporaryDirectory('work-item-type-index');
  afterAll(() => directory.remove());

  it('are answered through work_items_by_type on SQLite', async () => {
    const database = openSqliteDatabase(join(directory.path, 'plans.sqlite'));
    try {
      await migrate(database);
      const statements: Statement[] = [];
      const delivery = new SqlDeliveryRepository(recording(database, statements), incidentsFrom);
      await delivery.listBugWorkItemIds('org', ['P'], ['Bug', 'Defect']);
      await delivery.listIncidents('org', ['P'], DEFAULT_INCIDENT_RULE);
      await delivery.listIncidents('org', ['P'], { ...DEFAULT_INCIDENT_RULE, tag: null });
      const byType = statements.filter((statement) => /FROM work_items w WHERE/.test(statement.sql));
      expect(byType).toHaveLength(3);
      for (const { sql, params } of byType) {
        const plan = await database.all(`EXPLAIN QUERY PLAN ${sql}`, params);
        const details = plan.map((row) => String(row['detail']));
        expect(details.join('\n')).toMatch(/USING (COVERING )?INDEX work_items_by_type/);
      }
    } finally {
      await database.close();
    }
  });

  it('have the same index on PostgreSQL', async () => {
    const test = await openTestRepository('postgres', directory.path, 'type-index');
    try {
      if (test.target.kind !== 'postgres') throw new Error('expected a PostgreSQL target');
      const rows = await queryRaw(
        test.target,
        `SELECT indexdef FROM pg_indexes
         WHERE schemaname = '${test.target.schema ?? ''}' AND indexname = 'work_items_by_type'`,
      );
      expect(rows).toEqual([
        { indexdef: expect.stringMatching(/lower\(work_item_type\).*WHERE \(is_deleted = 0\)/) },
      ]);
    } finally {
      await test.dispose();
    }
  });
});
