import type { InsightStore, StoredInsightAction } from '../../insights.ts';
import { optionalText, stringArray, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

export class SqlInsightStore implements InsightStore {
  constructor(private readonly database: SqlDatabase) {}

  async actions(organization: string, project: string, team: string, weekStart: string) {
    const rows = await this.database.all(
      `SELECT week_start, rule_id, action, note, iteration_id, at FROM insight_actions
       WHERE organization = ? AND project = ? AND team = ? AND week_start = ? ORDER BY rule_id`,
      [organization, project, team.toLowerCase(), weekStart],
    );
    return rows.map((row): StoredInsightAction => ({
      weekStart: text(row, 'week_start'),
      ruleId: text(row, 'rule_id'),
      action: text(row, 'action'),
      note: text(row, 'note'),
      iterationId: optionalText(row, 'iteration_id'),
      at: text(row, 'at'),
    }));
  }

  async saveAction(organization: string, project: string, team: string, action: StoredInsightAction) {
    await this.database.run(
      `INSERT INTO insight_actions (organization, project, team, week_start, rule_id, action, note, iteration_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization, project, team, week_start, rule_id) DO UPDATE SET action = excluded.action,
         note = excluded.note, iteration_id = excluded.iteration_id, at = excluded.at`,
      [
        organization,
        project,
        team.toLowerCase(),
        action.weekStart,
        action.ruleId,
        action.action,
        action.note,
        action.iterationId,
        action.at,
      ],
    );
  }

  async enabledRules(organization: string, project: string, team: string) {
    const row = await this.database.get(
      'SELECT enabled FROM insight_settings WHERE organization = ? AND project = ? AND team = ?',
      [organization, project, team.toLowerCase()],
    );
    return row === undefined ? undefined : stringArray(row, 'enabled');
  }

  async saveEnabledRules(organization: string, project: string, team: string, rules: readonly string[]) {
    await this.database.run(
      `INSERT INTO insight_settings (organization, project, team, enabled) VALUES (?, ?, ?, ?)
       ON CONFLICT (organization, project, team) DO UPDATE SET enabled = excluded.enabled`,
      [organization, project, team.toLowerCase(), JSON.stringify(rules)],
    );
  }
}
