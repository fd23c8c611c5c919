import { resolve } from 'node:path';
import type { SecretBox } from '../security/secretBox.ts';
import { incidentsFrom } from '../sync/normalise/deliveryIncidents.ts';
import type { DeliveryRepository } from './deliveryRepository.ts';
import type { DeliverySettingsStore } from './deliverySettings.ts';
import { openPostgresDatabase } from './postgres/postgresDatabase.ts';
import type { SeikaRepository } from './repository.ts';
import { migrate } from './sql/migrate.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';
import { SqlDeliveryRepository } from './sql/sqlDeliveryRepository.ts';
import { SqlDeliverySettingsStore } from './sql/sqlDeliverySettingsStore.ts';
import { SqlOrganizationStore } from './sql/sqlOrganizationStore.ts';
import { SqlRepository } from './sql/sqlRepository.ts';
import { SqlStreamStatusStore } from './sql/sqlStreamStatusStore.ts';
import { SqlSyncJobQueue } from './sql/sqlSyncJobQueue.ts';
import { SqlTeamSettingsStore } from './sql/sqlTeamSettingsStore.ts';
import { openSqliteDatabase } from './sqlite/sqliteDatabase.ts';
import type { TeamSettingsStore } from './teamSettings.ts';
import type { OrganizationStore, StreamStatusStore, SyncJobQueue } from './tenants.ts';

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

/** Every store of one database. */
export interface Storage {
  repository: SeikaRepository;
  /** Builds, deployments, changes and incidents for the delivery metrics (same database). */
  delivery: DeliveryRepository;
  /** Per-project delivery settings and the delivery API's data version. */
  deliverySettings: DeliverySettingsStore;
  jobs: SyncJobQueue;
  streamStatus: StreamStatusStore;
  teamSettings: TeamSettingsStore;
  organizations(secrets: SecretBox): OrganizationStore;
  close(): Promise<void>;
}

async function openDatabase(target: StorageTarget): Promise<SqlDatabase> {
  const database =
    target.kind === 'sqlite'
      ? openSqliteDatabase(target.path)
      : await openPostgresDatabase({
          connectionString: target.connectionString,
          ...(target.schema === undefined ? {} : { schema: target.schema }),
        });
  await migrate(database);
  return database;
}

/** Opens the database, brings its schema up to date and returns its stores. */
export async function openStorage(target: StorageTarget): Promise<Storage> {
  const database = await openDatabase(target);
  return {
    repository: new SqlRepository(database),
    delivery: new SqlDeliveryRepository(database, incidentsFrom),
    deliverySettings: new SqlDeliverySettingsStore(database),
    jobs: new SqlSyncJobQueue(database),
    streamStatus: new SqlStreamStatusStore(database),
    teamSettings: new SqlTeamSettingsStore(database),
    organizations: (secrets) => new SqlOrganizationStore(database, secrets),
    close: () => database.close(),
  };
}

/** Opens the database and returns just the records repository (closing it closes the database). */
export async function openRepository(target: StorageTarget): Promise<SeikaRepository> {
  return (await openStorage(target)).repository;
}
