import type {
  DeliveryDataVersion,
  DeliverySettingsStore,
  StoredDeliverySettings,
} from '../../delivery/settings.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

/** 1 when the subquery finds a row (valid in both dialects). */
const exists = (subquery: string) => `CASE WHEN EXISTS (${subquery}) THEN 1 ELSE 0 END`;

export class SqlDeliverySettingsStore implements DeliverySettingsStore {
  constructor(private readonly database: SqlDatabase) {}

  async get(organization: string, project: string): Promise<StoredDeliverySettings | undefined> {
    const row = await this.database.get(
      'SELECT settings, updated_at FROM project_delivery_settings WHERE organization = ? AND project = ?',
      [organization, project],
    );
    return row === undefined
      ? undefined
      : { settings: text(row, 'settings'), updatedAt: text(row, 'updated_at') };
  }

  async save(organization: string, project: string, stored: StoredDeliverySettings): Promise<void> {
    await this.database.run(
      `INSERT INTO project_delivery_settings (organization, project, settings, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (organization, project) DO UPDATE SET settings = excluded.settings,
         updated_at = excluded.updated_at`,
      [organization, project, stored.settings, stored.updatedAt],
    );
  }

  async remove(organization: string, project: string): Promise<boolean> {
    const changed = await this.database.run(
      'DELETE FROM project_delivery_settings WHERE organization = ? AND project = ?',
      [organization, project],
    );
    return changed > 0;
  }

  /**
   * One statement of scalar subqueries, each an index seek or a read of the project's few version rows
   * (migrations 9 and 19): the ETag check's only round trip, whatever the organization's history and
   * whatever other projects' pages a sync stores. Team names compare case-insensitively; team_scopes and
   * data_versions store them lower-cased.
   */
  async readVersion(
    organization: string,
    project: string,
    team: string | undefined,
  ): Promise<DeliveryDataVersion> {
    const scoped = [organization, project];
    const teamKey = (team ?? '').toLowerCase();
    const row = await this.database.get(
      `SELECT
         (SELECT MAX(version) FROM data_versions WHERE organization = ? AND project = ?
           AND kind IN ('delivery', 'workflow', 'area')) AS project_version,
         (SELECT version FROM data_versions WHERE organization = ? AND kind = 'team' AND project = ? AND name = ?)
           AS team_version,
         (SELECT MAX(finished_at) FROM sync_runs WHERE organization = ? AND status = 'succeeded') AS last_success,
         ${exists('SELECT 1 FROM team_scopes WHERE organization = ? AND project = ?')} AS project_teams,
         ${exists('SELECT 1 FROM workflow_states WHERE organization = ? AND project = ?')} AS project_workflow,
         ${exists('SELECT 1 FROM delivery_deployments WHERE organization = ? AND project = ?')} AS project_deployments,
         ${exists('SELECT 1 FROM team_scopes WHERE organization = ? AND project = ? AND team = ?')} AS team_known,
         (SELECT settings FROM project_delivery_settings WHERE organization = ? AND project = ?) AS settings,
         (SELECT updated_at FROM project_delivery_settings WHERE organization = ? AND project = ?) AS updated_at`,
      [
        ...scoped,
        ...scoped,
        teamKey,
        organization,
        ...scoped,
        ...scoped,
        ...scoped,
        ...scoped,
        teamKey,
        ...scoped,
        ...scoped,
      ],
    );
    if (row === undefined) throw new Error('The data-version query returned no row');
    const settings = optionalText(row, 'settings');
    const updatedAt = optionalText(row, 'updated_at');
    return {
      settings: settings === null || updatedAt === null ? undefined : { settings, updatedAt },
      dataVersion: optionalInteger(row, 'project_version') ?? 0,
      teamDataVersion: team === undefined ? 0 : (optionalInteger(row, 'team_version') ?? 0),
      lastSuccessfulSync: optionalText(row, 'last_success'),
      projectKnown:
        integer(row, 'project_teams') +
          integer(row, 'project_workflow') +
          integer(row, 'project_deployments') >
        0,
      teamKnown: team !== undefined && integer(row, 'team_known') > 0,
    };
  }
}
