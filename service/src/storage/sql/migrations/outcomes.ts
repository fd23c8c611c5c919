import type { Migration } from './migration.ts';

/**
 * Outcomes: sprint targets, usage counts, insights and their digests, working calendars.
 * Never edit a released migration: add a new one; its place in the order is in ../migrations.ts.
 */
export const migration10: Migration = {
  version: 10,
  name: 'sprint outcome targets, their daily probability snapshots and reviews',
  sql: `
      CREATE TABLE sprint_targets (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        iteration_id TEXT NOT NULL,
        targets TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (organization, project, team, iteration_id)
      );

      CREATE TABLE sprint_target_snapshots (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        iteration_id TEXT NOT NULL,
        day TEXT NOT NULL,
        target_index INTEGER NOT NULL,
        kind TEXT NOT NULL,
        current_value DOUBLE PRECISION NOT NULL,
        met_now INTEGER NOT NULL,
        probability DOUBLE PRECISION,
        PRIMARY KEY (organization, project, team, iteration_id, day, target_index)
      );

      CREATE TABLE sprint_reviews (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        iteration_id TEXT NOT NULL,
        review TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (organization, project, team, iteration_id)
      );
    `,
};

export const migration12: Migration = {
  version: 12,
  name: 'usage counters per team and week; distinct viewers without identities',
  sql: `
      CREATE TABLE usage_weekly (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        week_start TEXT NOT NULL,
        kind TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (organization, project, team, week_start, kind)
      );

      CREATE TABLE usage_day_salts (
        day TEXT PRIMARY KEY,
        salt TEXT NOT NULL
      );

      CREATE TABLE usage_viewer_hashes (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        day TEXT NOT NULL,
        viewer_hash TEXT NOT NULL,
        PRIMARY KEY (organization, project, team, day, viewer_hash)
      );

      CREATE TABLE usage_daily_viewers (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        day TEXT NOT NULL,
        viewers INTEGER NOT NULL,
        PRIMARY KEY (organization, project, team, day)
      );
    `,
};

export const migration13: Migration = {
  version: 13,
  name: 'improvement insights: what teams did with them, and the rules each team has on',
  sql: `
      CREATE TABLE insight_actions (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        week_start TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        action TEXT NOT NULL,
        note TEXT NOT NULL,
        iteration_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (organization, project, team, week_start, rule_id)
      );

      CREATE TABLE insight_settings (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        enabled TEXT NOT NULL,
        PRIMARY KEY (organization, project, team)
      );
    `,
};

export const migration15: Migration = {
  version: 15,
  name: 'weekly insight digests: each team’s sealed incoming-webhook URL, and the weeks already sent',
  sql: `
      CREATE TABLE insight_digests (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        team_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        sealed_url TEXT NOT NULL,
        masked_url TEXT NOT NULL,
        PRIMARY KEY (organization, project, team)
      );

      CREATE TABLE insight_digest_sends (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        week_start TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        findings INTEGER NOT NULL,
        PRIMARY KEY (organization, project, team, week_start)
      );
    `,
};

export const migration16: Migration = {
  version: 16,
  name: 'team working calendars: working weekdays and days off from Azure DevOps, company holidays',
  sql: `
      CREATE TABLE team_working_days (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        working_days TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, team)
      );

      CREATE TABLE team_days_off (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        iteration_id TEXT NOT NULL,
        start_day TEXT NOT NULL,
        end_day TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, team, iteration_id, start_day)
      );

      CREATE TABLE company_holidays (
        organization TEXT PRIMARY KEY,
        holidays TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
};
