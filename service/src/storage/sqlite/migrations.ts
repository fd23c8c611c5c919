/**
 * Versioned schema migrations, applied in order and recorded in schema_migrations.
 * Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'raw pages, revisions, transitions, metadata, watermarks',
    sql: `
      CREATE TABLE raw_pages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
        created_at INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        is_deleted INTEGER NOT NULL,
        raw_page_id INTEGER NOT NULL REFERENCES raw_pages (id),
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
        created_at INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        is_deleted INTEGER NOT NULL,
        raw_page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id)
      );
      CREATE INDEX work_items_by_project ON work_items (organization, project);

      CREATE TABLE state_transitions (
        organization TEXT NOT NULL,
        work_item_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        at INTEGER NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        work_item_type TEXT NOT NULL,
        raw_page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id, revision)
      );

      CREATE TABLE workflow_states (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        work_item_type TEXT NOT NULL,
        state TEXT NOT NULL,
        category TEXT NOT NULL,
        raw_page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, project, work_item_type, state)
      );

      CREATE TABLE team_scopes (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        team TEXT NOT NULL,
        team_field TEXT NOT NULL,
        field_values TEXT NOT NULL,
        backlog_work_item_types TEXT NOT NULL,
        raw_page_id INTEGER NOT NULL REFERENCES raw_pages (id),
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
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  },
];
