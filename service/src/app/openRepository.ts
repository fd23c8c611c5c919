import { resolve } from 'node:path';
import type { SecretBox } from '../security/secretBox.ts';
import { incidentsFrom } from '../sync/normalise/delivery/incidents.ts';
import type { DeliveryRepository } from '../storage/delivery/repository.ts';
import type { RecentViewStore } from '../storage/delivery/recentViews.ts';
import type { DeliverySettingsStore } from '../storage/delivery/settings.ts';
import { openPostgresDatabase } from '../storage/postgres/postgresDatabase.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import { migrate } from '../storage/sql/migrate.ts';
import type { SqlDatabase } from '../storage/sql/sqlDatabase.ts';
import { SqlDeliveryRepository } from '../storage/sql/delivery/repository.ts';
import { SqlDeliverySettingsStore } from '../storage/sql/delivery/settingsStore.ts';
import { SqlRecentViewStore } from '../storage/sql/delivery/recentViewStore.ts';
import { SqlOrganizationStore } from '../storage/sql/organizations/organizationStore.ts';
import { SqlAuditLog, type AuditLog } from '../storage/sql/audit/auditStore.ts';
import type { CompanyHolidayStore } from '../storage/calendar.ts';
import { SqlCompanyHolidayStore } from '../storage/sql/calendar/companyHolidayStore.ts';
import { SqlRepository } from '../storage/sql/workItems/repository.ts';
import { SqlStreamStatusStore } from '../storage/sql/organizations/streamStatusStore.ts';
import { SqlSyncJobQueue } from '../storage/sql/organizations/syncJobQueue.ts';
import { SqlTeamSettingsStore } from '../storage/sql/teamSettings/store.ts';
import { SqlSprintTargetsStore } from '../storage/sql/targets/store.ts';
import type { SprintTargetsStore } from '../storage/targets.ts';
import { SqlUsageStore } from '../storage/sql/usage/store.ts';
import type { UsageStore } from '../storage/usage.ts';
import { SqlInsightStore } from '../storage/sql/insights/store.ts';
import type { InsightStore } from '../storage/insights.ts';
import { openSqliteDatabase } from '../storage/sqlite/sqliteDatabase.ts';
import type { TeamSettingsStore } from '../storage/teamSettings.ts';
import type { OrganizationStore, StreamStatusStore, SyncJobQueue } from '../storage/tenants.ts';

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
  /** The Delivery hub views opened lately (answered again after sync runs and restarts). */
  recentDeliveryViews: RecentViewStore;
  jobs: SyncJobQueue;
  streamStatus: StreamStatusStore;
  teamSettings: TeamSettingsStore;
  sprintTargets: SprintTargetsStore;
  usage: UsageStore;
  insights: InsightStore;
  organizations(secrets: SecretBox): OrganizationStore;
  /** Administrators' changes to settings, connects and disconnects. */
  audit: AuditLog;
  /** Each organization's company holidays (working calendars). */
  companyHolidays: CompanyHolidayStore;
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
    recentDeliveryViews: new SqlRecentViewStore(database),
    jobs: new SqlSyncJobQueue(database),
    streamStatus: new SqlStreamStatusStore(database),
    teamSettings: new SqlTeamSettingsStore(database),
    sprintTargets: new SqlSprintTargetsStore(database),
    usage: new SqlUsageStore(database),
    insights: new SqlInsightStore(database),
    organizations: (secrets) => new SqlOrganizationStore(database, secrets),
    audit: new SqlAuditLog(database),
    companyHolidays: new SqlCompanyHolidayStore(database),
    close: () => database.close(),
  };
}

/** Opens the database and returns just the records repository (closing it closes the database). */
export async function openRepository(target: StorageTarget): Promise<SeikaRepository> {
  return (await openStorage(target)).repository;
}
