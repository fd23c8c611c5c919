import { MIGRATIONS, migrationSql } from './migrations.ts';
import { integer } from './rows.ts';
import type { SqlDatabase } from './sqlDatabase.ts';

/** Arbitrary, fixed key: several service instances starting together apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 7_340_001;

export async function migrate(database: SqlDatabase): Promise<void> {
  await database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  await database.transaction(async (executor) => {
    if (database.dialect === 'postgres')
      await executor.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    const applied = new Set(
      (await executor.all('SELECT version FROM schema_migrations')).map((row) => integer(row, 'version')),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await executor.exec(migrationSql(migration, database.dialect));
      await executor.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
  });
}
