import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openStorage, type Storage, type StorageTarget } from '../../service/src/app/openRepository.ts';
import type { SeikaRepository } from '../../service/src/storage/repository.ts';

export type BackendName = 'sqlite' | 'postgres';

/** Every storage suite runs on both; PostgreSQL must be reachable (CI fails, never skips, when it is not). */
export const BACKENDS: readonly BackendName[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestRepository {
  repository: SeikaRepository;
  storage: Storage;
  /** Where it lives, so a second process or connection can open the same database. */
  target: StorageTarget;
  /** Closes the storage and drops what it created. */
  dispose(): Promise<void>;
}

/** A fresh database: a SQLite file in `directory`, or a new PostgreSQL schema dropped on dispose. */
export async function openTestRepository(
  backend: BackendName,
  directory: string,
  name: string,
): Promise<TestRepository> {
  const target: StorageTarget =
    backend === 'sqlite'
      ? { kind: 'sqlite', path: join(directory, `${name}.sqlite`) }
      : {
          kind: 'postgres',
          connectionString: TEST_DATABASE_URL,
          schema: `seika_test_${randomBytes(6).toString('hex')}`,
        };
  let storage: Storage;
  try {
    storage = await openStorage(target);
  } catch (error) {
    if (target.kind === 'sqlite') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL} is required for these tests and is not reachable: ${reason}`,
      {
        cause: error,
      },
    );
  }
  return {
    repository: storage.repository,
    storage,
    target,
    async dispose() {
      await storage.close();
      if (target.kind === 'postgres') await dropSchema(target.schema);
    },
  };
}

async function dropSchema(schema: string | undefined): Promise<void> {
  if (schema === undefined) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Raw SQL against a test database, for assertions on what is actually stored. */
export async function queryRaw(target: StorageTarget, sql: string): Promise<unknown[]> {
  if (target.kind === 'sqlite') {
    const { DatabaseSync } = await import('node:sqlite');
    const database = new DatabaseSync(target.path, { readOnly: true });
    try {
      return database.prepare(sql).all();
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({
    connectionString: target.connectionString,
    options: `-c search_path=${target.schema ?? 'public'}`,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
