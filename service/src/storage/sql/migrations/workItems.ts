import type { Migration } from './migration.ts';

/**
 * Work items: raw pages, revisions and transitions, board columns, links, team names, iteration moves, read indexes and data versions.
 * Never edit a released migration: add a new one; its place in the order is in ../migrations.ts.
 */
export const migration1: Migration = {
  version: 1,
  name: 'raw pages, revisions, transitions, metadata, watermarks',
  sql: `
      CREATE TABLE raw_pages (
        id {{id}},
        organization TEXT NOT NULL,
        stream TEXT NOT NULL,
        request_url TEXT NOT NULL,
        request_token TEXT,
        response_token TEXT,
        is_last_batch INTEGER NOT NULL,
        item_count INTEGER NOT NULL,
        body TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      );
      CREATE INDEX raw_pages_by_stream ON raw_pages (organization, stream, id);

      CREATE TABLE work_item_revisions (
        organization TEXT NOT NULL,
        work_item_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        project TEXT NOT NULL,
        work_item_type TEXT NOT NULL,
        title TEXT NOT NULL,
        area_path TEXT NOT NULL,
        state TEXT NOT NULL,
        tags TEXT NOT NULL,
        created_at {{bigint}} NOT NULL,
        changed_at {{bigint}} NOT NULL,
        is_deleted INTEGER NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id, revision)
      );

      CREATE TABLE work_items (
        organization TEXT NOT NULL,
        work_item_id INTEGER NOT NULL,
        project TEXT NOT NULL,
        work_item_type TEXT NOT NULL,
        title TEXT NOT NULL,
        area_path TEXT NOT NULL,
        state TEXT NOT NULL,
        tags TEXT NOT NULL,
        created_at {{bigint}} NOT NULL,
        changed_at {{bigint}} NOT NULL,
        revision INTEGER NOT NULL,
        is_deleted INTEGER NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id)
      );
      CREATE INDEX work_items_by_project ON work_items (organization, project);

      CREATE TABLE state_transitions (
        organization TEXT NOT NULL,
        work_item_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        at {{bigint}} NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        work_item_type TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id, revision)
      );

      CREATE TABLE workflow_states (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        work_item_type TEXT NOT NULL,
        state TEXT NOT NULL,
        category TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, work_item_type, state)
      );

      CREATE TABLE team_scopes (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        team_field TEXT NOT NULL,
        field_values TEXT NOT NULL,
        backlog_work_item_types TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, team)
      );

      CREATE TABLE watermarks (
        organization TEXT NOT NULL,
        stream TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (organization, stream)
      );

      CREATE TABLE sync_runs (
        id {{id}},
        organization TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        revisions INTEGER NOT NULL DEFAULT 0,
        error TEXT
      );
    `,
};

export const migration3: Migration = {
  version: 3,
  name: 'board columns on revisions, column changes, team iterations, boards, team flow settings',
  sql: `
      ALTER TABLE work_item_revisions ADD COLUMN board_column TEXT;
      ALTER TABLE work_items ADD COLUMN board_column TEXT;

      CREATE TABLE board_column_changes (
        organization TEXT NOT NULL,
        work_item_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        at {{bigint}} NOT NULL,
        board_column TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id, revision)
      );

      CREATE TABLE team_iterations (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        iteration_id TEXT NOT NULL,
        name TEXT NOT NULL,
        path TEXT NOT NULL,
        start_day TEXT,
        finish_day TEXT,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, team, iteration_id)
      );

      CREATE TABLE board_columns (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        board TEXT NOT NULL,
        position INTEGER NOT NULL,
        column_id TEXT NOT NULL,
        name TEXT NOT NULL,
        column_type TEXT NOT NULL,
        item_limit INTEGER NOT NULL,
        state_mappings TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, team, board, column_id)
      );

      CREATE TABLE team_flow_settings (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        settings TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (organization, project, team)
      );
    `,
};

export const migration4: Migration = {
  version: 4,
  name: 'work item links from the reporting links API',
  sql: `
      CREATE TABLE work_item_links (
        organization TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        target_id INTEGER NOT NULL,
        link_type TEXT NOT NULL,
        changed_at {{bigint}} NOT NULL,
        is_active INTEGER NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, source_id, target_id, link_type)
      );
      CREATE INDEX work_item_links_by_target ON work_item_links (organization, target_id);
    `,
};

export const migration9: Migration = {
  version: 9,
  name: 'read indexes: team-scoped work items, O(log n) data versions',
  sql: `
      CREATE INDEX work_items_by_team ON work_items (organization, project, area_path, work_item_type, work_item_id);
      CREATE INDEX raw_pages_by_id ON raw_pages (organization, id);
      CREATE INDEX sync_runs_by_finish ON sync_runs (organization, finished_at);
    `,
};

export const migration14: Migration = {
  version: 14,
  name: 'team names as Azure DevOps spells them (rows keep the lower-cased key)',
  sql: `
      ALTER TABLE team_scopes ADD COLUMN display_name TEXT;
    `,
};

export const migration18: Migration = {
  version: 18,
  name: 'iteration membership history: each revision’s iteration path and every move between iterations',
  // Revisions stored before this version were asked for without System.IterationPath, so their raw pages
  // cannot rebuild the history: the revisions watermark is dropped and the next sync re-reads the stream
  // from its start (upserts make the re-read harmless; flow answers stay available meanwhile).
  sql: `
      ALTER TABLE work_item_revisions ADD COLUMN iteration_path TEXT;
      ALTER TABLE work_items ADD COLUMN iteration_path TEXT;

      CREATE TABLE iteration_changes (
        organization TEXT NOT NULL,
        work_item_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        at {{bigint}} NOT NULL,
        iteration_path TEXT NOT NULL,
        iteration_key TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id, revision)
      );
      CREATE INDEX iteration_changes_by_iteration ON iteration_changes (organization, iteration_key, work_item_id);

      DELETE FROM watermarks WHERE stream = 'wit.reporting.revisions';
    `,
};

export const migration19: Migration = {
  version: 19,
  name: 'data versions per team and project; delivery reads of one project in index order',
  // kind: stamp (the counter), area, workflow, team, delivery (storage/sql/dataVersions.ts). Rows written
  // before this version have no versions yet: a scope without one reads as version 0 until it changes.
  // A project's delivery rows are read in key order: indexes leading with the project and ending with
  // that order let SQLite seek the project's rows instead of walking the organization's key to avoid a
  // sort (the two widened indexes keep their names and serve every query of the narrower ones).
  sql: `
      CREATE TABLE data_versions (
        organization TEXT NOT NULL,
        kind TEXT NOT NULL,
        project TEXT NOT NULL,
        name TEXT NOT NULL,
        version {{bigint}} NOT NULL,
        PRIMARY KEY (organization, kind, project, name)
      );
      CREATE INDEX delivery_deployments_by_build ON delivery_deployments (organization, build_id);
      CREATE INDEX sync_runs_by_status ON sync_runs (organization, status, finished_at);
      DROP INDEX delivery_deployments_by_project;
      CREATE INDEX delivery_deployments_by_project ON delivery_deployments (organization, project, deployment_id);
      CREATE INDEX delivery_pull_requests_by_project
        ON delivery_pull_requests (organization, project, repository_id, pull_request_id);
      CREATE INDEX delivery_commits_by_project
        ON delivery_commits (organization, project, repository_id, committed_at, sha);
      DROP INDEX work_items_by_project;
      CREATE INDEX work_items_by_project ON work_items (organization, project, work_item_id);
    `,
};

export const migration21: Migration = {
  version: 21,
  name: 'work items of a type (case-insensitive) in a project: bug ids and incident candidates by index',
  // storage/sql/delivery/incidents.ts asks for LOWER(work_item_type) IN (…) among live items of a project;
  // the index answers the bug ids without reading a row, and narrows the incident candidates to the types.
  // Both dialects index the expression and honour the partial WHERE the queries repeat.
  sql: `
      CREATE INDEX work_items_by_type ON work_items
        (organization, project, LOWER(work_item_type), work_item_id) WHERE is_deleted = 0;
    `,
};
