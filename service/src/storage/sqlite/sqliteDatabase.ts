import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SqlDatabase, SqlExecutor, SqlValue } from '../sql/sqlDatabase.ts';

/**
 * node:sqlite behind the async SqlDatabase interface. One connection is shared, so every call is queued:
 * a transaction holds the queue until it ends, and nothing else can slip into it while it awaits.
 */
export function openSqliteDatabase(path: string): SqlDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new DatabaseSync(path);
  database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  database.exec('PRAGMA busy_timeout = 5000');

  const direct: SqlExecutor = {
    all: async (sql, params = []) => database.prepare(sql).all(...params),
    mapRows: async (sql, params, map) => {
      const mapped = [];
      for (const row of database.prepare(sql).iterate(...params)) mapped.push(map(row));
      return mapped;
    },
    get: async (sql, params = []) => database.prepare(sql).get(...params),
    run: async (sql, params = []) => Number(database.prepare(sql).run(...params).changes),
    exec: async (script) => database.exec(script),
  };

  let queue: Promise<unknown> = Promise.resolve();
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work, work);
    // The queue keeps neither outcome: a large row would otherwise stay alive until the next statement.
    queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  return {
    dialect: 'sqlite',
    all: (sql: string, params?: readonly SqlValue[]) => serialised(() => direct.all(sql, params)),
    mapRows: (sql, params, map) => serialised(() => direct.mapRows(sql, params, map)),
    get: (sql: string, params?: readonly SqlValue[]) => serialised(() => direct.get(sql, params)),
    run: (sql: string, params?: readonly SqlValue[]) => serialised(() => direct.run(sql, params)),
    exec: (script: string) => serialised(() => direct.exec(script)),
    transaction: (work) =>
      serialised(async () => {
        database.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          database.exec('COMMIT');
          return result;
        } catch (error) {
          database.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      serialised(async () => {
        if (database.isOpen) database.close();
      }),
  };
}
