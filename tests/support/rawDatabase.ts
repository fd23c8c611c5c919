import type { StorageTarget } from '../../service/src/app/openRepository.ts';
import { openPostgresDatabase } from '../../service/src/storage/postgres/postgresDatabase.ts';
import type { SqlDatabase } from '../../service/src/storage/sql/sqlDatabase.ts';
import { openSqliteDatabase } from '../../service/src/storage/sqlite/sqliteDatabase.ts';

/** A second connection to a test database, to read its tables back as they are stored. */
export async function openRawDatabase(target: StorageTarget): Promise<SqlDatabase> {
  return target.kind === 'sqlite'
    ? openSqliteDatabase(target.path)
    : openPostgresDatabase({
        connectionString: target.connectionString,
        maxConnections: 1,
        ...(target.schema === undefined ? {} : { schema: target.schema }),
      });
}

/** The columns of `table`, on either driver. */
export async function columnsOf(database: SqlDatabase, table: string): Promise<string[]> {
  const rows =
    database.dialect === 'sqlite'
      ? await database.all(`SELECT name AS column_name FROM pragma_table_info('${table}')`)
      : await database.all(
          'SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()',
          [table],
        );
  return rows.map((row) => String(row['column_name']));
}
