/**
 * The Delivery hub views people opened lately (table delivery_recent_views, migration 22): which project or
 * team, which answer and range, and when it was last opened. No identity is kept. Every instance reads
 * them, so a restarted instance, or one whose worker did not run the sync, can answer them again before
 * the next person looks (services/delivery/recentViews.ts).
 */

export interface StoredRecentView {
  /** Lower case, as every organization-keyed table. */
  organization: string;
  /** The view's canonical JSON: the same view is one row. */
  key: string;
  /** The view as JSON (path, answer, query); read back through a schema. */
  view: string;
  viewedAt: number;
}

export interface RecentViewStore {
  /** Stores the view, or moves its time on (never back). */
  save(view: StoredRecentView): Promise<void>;
  /** Views opened at or after `since`, most recent first, at most `limit`. */
  list(since: number, limit: number): Promise<StoredRecentView[]>;
  forget(organization: string, key: string): Promise<void>;
  /** Forgets views opened before `before`; resolves to how many. */
  forgetBefore(before: number): Promise<number>;
}
