/**
 * Usage counters per organization, team and week (table usage_weekly), and distinct viewers counted
 * without keeping identities: a viewer is stored only as a hash salted with the day's salt, and a day's
 * hashes and salt are deleted once the day is rolled up into a count (usage_daily_viewers).
 */

export interface UsageTeam {
  organization: string;
  /** Empty for organization-level events (the admin hub). */
  project: string;
  team: string;
}

export interface UsageCountRow {
  project: string;
  team: string;
  weekStart: string;
  kind: string;
  count: number;
}

export interface DailyViewersRow {
  project: string;
  team: string;
  day: string;
  viewers: number;
}

export interface UsageStore {
  increment(team: UsageTeam, weekStart: string, kind: string): Promise<void>;
  /** The day's salt, created on first use (every service instance gets the same one). */
  daySalt(day: string, create: () => string): Promise<string>;
  addViewer(team: UsageTeam, day: string, viewerHash: string): Promise<void>;
  /** Turns the hashes of days before `beforeDay` into counts, then deletes the hashes and those days' salts. */
  rollUpViewers(beforeDay: string): Promise<number>;
  counts(organization: string, fromWeek: string): Promise<UsageCountRow[]>;
  dailyViewers(organization: string, fromDay: string): Promise<DailyViewersRow[]>;
}
