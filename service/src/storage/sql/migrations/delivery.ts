import type { Migration } from './migration.ts';

/**
 * Delivery: builds, deployments, pull requests, commits, per-project settings, ancestry, incident links.
 * Never edit a released migration: add a new one; its place in the order is in ../migrations.ts.
 */
export const migration5: Migration = {
  version: 5,
  name: 'delivery: builds, deployments, pull requests, commits, changes between builds',
  sql: `
      CREATE TABLE delivery_builds (
        organization TEXT NOT NULL,
        build_id {{bigint}} NOT NULL,
        project TEXT NOT NULL,
        definition_id {{bigint}} NOT NULL,
        definition_name TEXT NOT NULL,
        status TEXT NOT NULL,
        result TEXT,
        reason TEXT,
        queued_at {{bigint}} NOT NULL,
        started_at {{bigint}},
        finished_at {{bigint}},
        source_branch TEXT,
        source_version TEXT,
        repository_id TEXT,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, build_id)
      );

      CREATE TABLE delivery_deployments (
        organization TEXT NOT NULL,
        deployment_id TEXT NOT NULL,
        source TEXT NOT NULL,
        project TEXT NOT NULL,
        pipeline_id {{bigint}} NOT NULL,
        pipeline_name TEXT NOT NULL,
        environment_name TEXT,
        stage_name TEXT NOT NULL,
        build_id {{bigint}},
        release_id {{bigint}},
        repository_id TEXT,
        source_branch TEXT,
        source_version TEXT,
        attempt INTEGER NOT NULL,
        queued_at {{bigint}},
        started_at {{bigint}},
        finished_at {{bigint}},
        outcome TEXT NOT NULL,
        raw_result TEXT,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, deployment_id)
      );
      CREATE INDEX delivery_deployments_by_project ON delivery_deployments (organization, project);

      CREATE TABLE delivery_pull_requests (
        organization TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        pull_request_id {{bigint}} NOT NULL,
        project TEXT NOT NULL,
        target_branch TEXT NOT NULL,
        created_at {{bigint}} NOT NULL,
        merged_at {{bigint}} NOT NULL,
        merge_commit_sha TEXT,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, repository_id, pull_request_id)
      );
      CREATE INDEX delivery_pull_requests_by_merge ON delivery_pull_requests (organization, repository_id, merge_commit_sha);

      CREATE TABLE delivery_pull_request_work_items (
        organization TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        pull_request_id {{bigint}} NOT NULL,
        work_item_id {{bigint}} NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, repository_id, pull_request_id, work_item_id)
      );

      CREATE TABLE delivery_pull_request_commits (
        organization TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        pull_request_id {{bigint}} NOT NULL,
        sha TEXT NOT NULL,
        authored_at {{bigint}} NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, repository_id, pull_request_id, sha)
      );
      CREATE INDEX delivery_pull_request_commits_by_sha ON delivery_pull_request_commits (organization, repository_id, sha);

      CREATE TABLE delivery_commits (
        organization TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        sha TEXT NOT NULL,
        project TEXT NOT NULL,
        branch TEXT NOT NULL,
        authored_at {{bigint}} NOT NULL,
        committed_at {{bigint}} NOT NULL,
        work_item_ids TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, repository_id, sha)
      );

      CREATE TABLE delivery_build_changes (
        organization TEXT NOT NULL,
        to_build_id {{bigint}} NOT NULL,
        from_build_id {{bigint}} NOT NULL,
        sha TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, to_build_id, from_build_id, sha)
      );

      CREATE TABLE delivery_build_change_queries (
        organization TEXT NOT NULL,
        to_build_id {{bigint}} NOT NULL,
        from_build_id {{bigint}} NOT NULL,
        project TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, to_build_id, from_build_id)
      );
    `,
};

export const migration6: Migration = {
  version: 6,
  name: 'per-project delivery settings',
  sql: `
      CREATE TABLE project_delivery_settings (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        settings TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (organization, project)
      );
    `,
};

export const migration11: Migration = {
  version: 11,
  name: 'commit parents, so the changes between two builds follow ancestry rather than commit time',
  sql: `
      ALTER TABLE delivery_commits ADD COLUMN parent_ids TEXT;
    `,
};

export const migration17: Migration = {
  version: 17,
  name: 'incidents’ artifact links to builds and releases; how many work items each pull request links',
  // work_item_count stays NULL until the pull request's details (includeWorkItemRefs) were read.
  sql: `
      CREATE TABLE delivery_incident_links (
        organization TEXT NOT NULL,
        work_item_id {{bigint}} NOT NULL,
        artifact TEXT NOT NULL,
        artifact_id {{bigint}} NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        PRIMARY KEY (organization, work_item_id, artifact, artifact_id)
      );

      ALTER TABLE delivery_pull_requests ADD COLUMN work_item_count INTEGER;
    `,
};

export const migration20: Migration = {
  version: 20,
  name: 'each project’s delivery records linked to builds, kept per delivery data version',
  // body: the columns of storage/sql/delivery/linkedInputCodec.ts in its `format` (a framed JSON header and
  // column texts, typed arrays in base64).
  sql: `
      CREATE TABLE delivery_linked_inputs (
        organization TEXT NOT NULL,
        project TEXT NOT NULL,
        data_version {{bigint}} NOT NULL,
        format INTEGER NOT NULL,
        deployment_count INTEGER NOT NULL,
        change_count INTEGER NOT NULL,
        link_count INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (organization, project)
      );
    `,
};

export const migration22: Migration = {
  version: 22,
  name: 'the Delivery hub views opened lately, answered again after restarts and on every instance',
  // view: JSON of the view's path, answer and range (services/delivery/recentViews.ts); no identity.
  sql: `
      CREATE TABLE delivery_recent_views (
        organization TEXT NOT NULL,
        view_key TEXT NOT NULL,
        view TEXT NOT NULL,
        viewed_at {{bigint}} NOT NULL,
        PRIMARY KEY (organization, view_key)
      );
      CREATE INDEX delivery_recent_views_by_time ON delivery_recent_views (viewed_at);
    `,
};
