import type { RecentViewStore, StoredRecentView } from '../../delivery/recentViews.ts';
import { integer, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

export class SqlRecentViewStore implements RecentViewStore {
  constructor(private readonly database: SqlDatabase) {}

  async save(view: StoredRecentView): Promise<void> {
    await this.database.run(
      `INSERT INTO delivery_recent_views (organization, view_key, view, viewed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (organization, view_key) DO UPDATE SET viewed_at = excluded.viewed_at
       WHERE delivery_recent_views.viewed_at < excluded.viewed_at`,
      [view.organization.toLowerCase(), view.key, view.view, view.viewedAt],
    );
  }

  async list(since: number, limit: number): Promise<StoredRecentView[]> {
    const rows = await this.database.all(
      `SELECT organization, view_key, view, viewed_at FROM delivery_recent_views
       WHERE viewed_at >= ? ORDER BY viewed_at DESC, organization, view_key LIMIT ?`,
      [since, limit],
    );
    return rows.map((row) => ({
      organization: text(row, 'organization'),
      key: text(row, 'view_key'),
      view: text(row, 'view'),
      viewedAt: integer(row, 'viewed_at'),
    }));
  }

  async forget(organization: string, key: string): Promise<void> {
    await this.database.run('DELETE FROM delivery_recent_views WHERE organization = ? AND view_key = ?', [
      organization.toLowerCase(),
      key,
    ]);
  }

  forgetBefore(before: number): Promise<number> {
    return this.database.run('DELETE FROM delivery_recent_views WHERE viewed_at < ?', [before]);
  }
}
