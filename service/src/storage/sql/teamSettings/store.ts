import type { FlowDataVersion, StoredTeamSettings, TeamSettingsStore } from '../../teamSettings.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

/** Team names compare case-insensitively in Azure DevOps; rows store them lower-cased (as team_scopes does). */
export class SqlTeamSettingsStore implements TeamSettingsStore {
  constructor(private readonly database: SqlDatabase) {}

  async get(organization: string, project: string, team: string): Promise<StoredTeamSettings | undefined> {
    const row = await this.database.get(
      'SELECT settings, updated_at FROM team_flow_settings WHERE organization = ? AND project = ? AND team = ?',
      [organization, project, team.toLowerCase()],
    );
    return row === undefined
      ? undefined
      : { settings: text(row, 'settings'), updatedAt: text(row, 'updated_at') };
  }

  async save(organization: string, project: string, team: string, stored: StoredTeamSettings): Promise<void> {
    await this.database.run(
      `INSERT INTO team_flow_settings (organization, project, team, settings, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (organization, project, team) DO UPDATE SET settings = excluded.settings,
         updated_at = excluded.updated_at`,
      [organization, project, team.toLowerCase(), stored.settings, stored.updatedAt],
    );
  }

  async remove(organization: string, project: string, team: string): Promise<boolean> {
    const changed = await this.database.run(
      'DELETE FROM team_flow_settings WHERE organization = ? AND project = ? AND team = ?',
      [organization, project, team.toLowerCase()],
    );
    return changed > 0;
  }

  /** One statement of scalar subqueries (valid in both dialects): the ETag check's only round trip. */
  async readVersion(organization: string, project: string, team: string): Promise<FlowDataVersion> {
    const key = [organization, project, team.toLowerCase()];
    const row = await this.database.get(
      `SELECT
         (SELECT MAX(id) FROM raw_pages WHERE organization = ?) AS last_raw_page,
         (SELECT COUNT(*) FROM sync_runs WHERE organization = ? AND finished_at IS NOT NULL) AS finished_runs,
         (SELECT COUNT(*) FROM team_scopes WHERE organization = ? AND project = ? AND team = ?) AS team_known,
         (SELECT settings FROM team_flow_settings WHERE organization = ? AND project = ? AND team = ?) AS settings,
         (SELECT updated_at FROM team_flow_settings WHERE organization = ? AND project = ? AND team = ?)
           AS updated_at`,
      [organization, organization, ...key, ...key, ...key],
    );
    if (row === undefined) throw new Error('The data-version query returned no row');
    const settings = optionalText(row, 'settings');
    const updatedAt = optionalText(row, 'updated_at');
    return {
      settings: settings === null || updatedAt === null ? undefined : { settings, updatedAt },
      lastRawPage: optionalInteger(row, 'last_raw_page'),
      finishedSyncRuns: integer(row, 'finished_runs'),
      teamKnown: integer(row, 'team_known') > 0,
    };
  }
}
