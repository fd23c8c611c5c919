import type { DigestTeam, InsightStore, StoredDigest, StoredInsightAction } from '../../insights.ts';
import { optionalInteger, optionalText, stringArray, text } from '../rows.ts';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.ts';

function actionOf(row: SqlRow): StoredInsightAction {
  return {
    weekStart: text(row, 'week_start'),
    ruleId: text(row, 'rule_id'),
    action: text(row, 'action'),
    note: text(row, 'note'),
    iterationId: optionalText(row, 'iteration_id'),
    at: text(row, 'at'),
  };
}

export class SqlInsightStore implements InsightStore {
  constructor(private readonly database: SqlDatabase) {}

  async actions(organization: string, project: string, team: string, weekStart: string) {
    const rows = await this.database.all(
      `SELECT week_start, rule_id, action, note, iteration_id, at FROM insight_actions
       WHERE organization = ? AND project = ? AND team = ? AND week_start = ? ORDER BY rule_id`,
      [organization, project, team.toLowerCase(), weekStart],
    );
    return rows.map(actionOf);
  }

  async experiments(organization: string, project: string, team: string) {
    const rows = await this.database.all(
      `SELECT week_start, rule_id, action, note, iteration_id, at FROM insight_actions
       WHERE organization = ? AND project = ? AND team = ? AND action = 'experiment'
       ORDER BY week_start, rule_id`,
      [organization, project, team.toLowerCase()],
    );
    return rows.map(actionOf);
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

  async syncedTeams(organization: string) {
    const rows = await this.database.all(
      `SELECT project, team, display_name FROM team_scopes WHERE organization = ? ORDER BY project, team`,
      [organization],
    );
    return rows.map((row) => ({
      project: text(row, 'project'),
      team: optionalText(row, 'display_name') ?? text(row, 'team'),
    }));
  }

  async lastHookDelivery(organization: string) {
    const row = await this.database.get(
      'SELECT MAX(received_at) AS last FROM hook_deliveries_seen WHERE organization = ?',
      [organization],
    );
    return row === undefined ? undefined : (optionalInteger(row, 'last') ?? undefined);
  }

  async digest(organization: string, project: string, team: string) {
    const row = await this.database.get(
      `SELECT kind, language, sealed_url, masked_url FROM insight_digests
       WHERE organization = ? AND project = ? AND team = ?`,
      [organization, project, team.toLowerCase()],
    );
    return row === undefined ? undefined : digestOf(row);
  }

  async saveDigest(organization: string, project: string, team: string, digest: StoredDigest | null) {
    if (digest === null) {
      await this.database.run(
        'DELETE FROM insight_digests WHERE organization = ? AND project = ? AND team = ?',
        [organization, project, team.toLowerCase()],
      );
      return;
    }
    await this.database.run(
      `INSERT INTO insight_digests (organization, project, team, team_name, kind, language, sealed_url, masked_url)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization, project, team) DO UPDATE SET team_name = excluded.team_name, kind = excluded.kind,
         language = excluded.language, sealed_url = excluded.sealed_url, masked_url = excluded.masked_url`,
      [
        organization,
        project,
        team.toLowerCase(),
        team,
        digest.kind,
        digest.language,
        digest.sealedUrl,
        digest.maskedUrl,
      ],
    );
  }

  async digestTeams() {
    const rows = await this.database.all(
      `SELECT organization, project, team_name, kind, language, sealed_url, masked_url FROM insight_digests
       ORDER BY organization, project, team`,
      [],
    );
    return rows.map((row): DigestTeam => ({
      organization: text(row, 'organization'),
      project: text(row, 'project'),
      team: text(row, 'team_name'),
      digest: digestOf(row),
    }));
  }

  async digestSent(organization: string, project: string, team: string, weekStart: string) {
    const row = await this.database.get(
      `SELECT week_start FROM insight_digest_sends
       WHERE organization = ? AND project = ? AND team = ? AND week_start = ?`,
      [organization, project, team.toLowerCase(), weekStart],
    );
    return row !== undefined;
  }

  async claimDigestWeek(
    organization: string,
    project: string,
    team: string,
    weekStart: string,
    claim: { at: string; findings: number },
  ) {
    const changed = await this.database.run(
      `INSERT INTO insight_digest_sends (organization, project, team, week_start, sent_at, findings)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organization, project, team, week_start) DO NOTHING`,
      [organization, project, team.toLowerCase(), weekStart, claim.at, claim.findings],
    );
    return changed === 1;
  }

  async releaseDigestWeek(organization: string, project: string, team: string, weekStart: string) {
    await this.database.run(
      `DELETE FROM insight_digest_sends
       WHERE organization = ? AND project = ? AND team = ? AND week_start = ?`,
      [organization, project, team.toLowerCase(), weekStart],
    );
  }
}

function digestOf(row: SqlRow): StoredDigest {
  const kind = text(row, 'kind');
  return {
    kind: kind === 'slack' ? 'slack' : 'teams',
    language: text(row, 'language') === 'ja' ? 'ja' : 'en',
    sealedUrl: text(row, 'sealed_url'),
    maskedUrl: text(row, 'masked_url'),
  };
}
