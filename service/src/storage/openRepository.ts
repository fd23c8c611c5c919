import { resolve } from 'node:path';
import { openPostgresDatabase } from './postgres/postgresDatabase.ts';
import type { SeikaRepository } from './repository.ts';
import { migrate } from './sql/migrate.ts';
import { SqlRepository } from './sql/sqlRepository.ts';
import { openSqliteDatabase } from './sqlite/sqliteDatabase.ts';

export type StorageTarget =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string; schema?: string };

/** PostgreSQL when DATABASE_URL is set (several instances can share it), else a SQLite file. */
export function storageTargetFromEnvironment(
  databaseUrl: string | undefined,
  dataDirectory: string,
): StorageTarget {
  return databaseUrl === undefined || databaseUrl === ''
    ? { kind: 'sqlite', path: resolve(dataDirectory, 'seika.sqlite') }
    : { kind: 'postgres', connectionString: databaseUrl };
}

/** Opens the database and brings its schema up to date. */
export async function openRepository(target: StorageTarget): Promise<SeikaRepository> {
  const database =
    target.kind === 'sqlite'
      ? openSqliteDatabase(target.path)
      : await openPostgresDatabase({
          connectionString: target.connectionString,
          ...(target.schema === undefined ? {} : { schema: target.schema }),
        });
  await migrate(database);
  return new SqlRepository(database);
}
