import type { DailyViewersRow, UsageCountRow, UsageStore, UsageTeam } from '../../usage.ts';
import { integer, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

const key = (team: UsageTeam) => [team.organization, team.project, team.team.toLowerCase()];

export class SqlUsageStore implements UsageStore {
  constructor(private readonly database: SqlDatabase) {}

  async increment(team: UsageTeam, weekStart: string, kind: string): Promise<void> {
    await this.database.run(
      `INSERT INTO usage_weekly (organization, project, team, week_start, kind, count) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (organization, project, team, week_start, kind) DO UPDATE SET count = usage_weekly.count + 1`,
      [...key(team), weekStart, kind],
    );
  }

  async daySalt(day: string, create: () => string): Promise<string> {
    await this.database.run(
      'INSERT INTO usage_day_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING',
      [day, create()],
    );
    const row = await this.database.get('SELECT salt FROM usage_day_salts WHERE day = ?', [day]);
    if (row === undefined) throw new Error(`No salt stored for ${day}`);
    return text(row, 'salt');
  }

  async addViewer(team: UsageTeam, day: string, viewerHash: string): Promise<void> {
    await this.database.run(
      `INSERT INTO usage_viewer_hashes (organization, project, team, day, viewer_hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (organization, project, team, day, viewer_hash) DO NOTHING`,
      [...key(team), day, viewerHash],
    );
  }

  async rollUpViewers(beforeDay: string): Promise<number> {
    return this.database.transaction(async (executor) => {
      const counted = await executor.run(
        `INSERT INTO usage_daily_viewers (organization, project, team, day, viewers)
         SELECT organization, project, team, day, COUNT(*) FROM usage_viewer_hashes WHERE day < ?
         GROUP BY organization, project, team, day
         ON CONFLICT (organization, project, team, day) DO UPDATE SET viewers = excluded.viewers`,
        [beforeDay],
      );
      await executor.run('DELETE FROM usage_viewer_hashes WHERE day < ?', [beforeDay]);
      await executor.run('DELETE FROM usage_day_salts WHERE day < ?', [beforeDay]);
      return counted;
    });
  }

  async counts(organization: string, fromWeek: string): Promise<UsageCountRow[]> {
    const rows = await this.database.all(
      `SELECT project, team, week_start, kind, count FROM usage_weekly
       WHERE organization = ? AND week_start >= ? ORDER BY week_start, project, team, kind`,
      [organization, fromWeek],
    );
    return rows.map((row) => ({
      project: text(row, 'project'),
      team: text(row, 'team'),
      weekStart: text(row, 'week_start'),
      kind: text(row, 'kind'),
      count: integer(row, 'count'),
    }));
  }

  async dailyViewers(organization: string, fromDay: string): Promise<DailyViewersRow[]> {
    const rows = await this.database.all(
      `SELECT project, team, day, viewers FROM usage_daily_viewers
       WHERE organization = ? AND day >= ? ORDER BY day, project, team`,
      [organization, fromDay],
    );
    return rows.map((row) => ({
      project: text(row, 'project'),
      team: text(row, 'team'),
      day: text(row, 'day'),
      viewers: integer(row, 'viewers'),
    }));
  }
}
