import type { Migration } from './migration.ts';

/**
 * Organizations and their sync: tenants, jobs, stream status, hooks, the audit log, quarantine.
 * Never edit a released migration: add a new one; its place in the order is in ../migrations.ts.
 */
export const migration2: Migration = {
  version: 2,
  name: 'tenants with encrypted credentials, leased sync jobs, stream status, hook subscriptions',
  sql: `
      CREATE TABLE organizations (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        pat_ciphertext TEXT NOT NULL,
        hook_secret_ciphertext TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        connected_at TEXT NOT NULL,
        disconnected_at TEXT
      );

      CREATE TABLE sync_jobs (
        organization TEXT PRIMARY KEY,
        due_at {{bigint}} NOT NULL,
        requested_streams TEXT NOT NULL DEFAULT '*',
        request_seq INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_expires_at {{bigint}},
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_finished_at {{bigint}}
      );
      CREATE INDEX sync_jobs_due ON sync_jobs (due_at);

      CREATE TABLE stream_status (
        organization TEXT NOT NULL,
        stream TEXT NOT NULL,
        phase TEXT NOT NULL,
        pages INTEGER NOT NULL,
        items INTEGER NOT NULL,
        requests INTEGER NOT NULL,
        progress REAL,
        started_at {{bigint}},
        updated_at {{bigint}} NOT NULL,
        estimated_seconds_left REAL,
        rate_limit TEXT,
        last_error TEXT,
        PRIMARY KEY (organization, stream)
      );

      CREATE TABLE hook_subscriptions (
        organization TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (organization, subscription_id)
      );
    `,
};

export const migration7: Migration = {
  version: 7,
  name: "organizations keyed by instance id, audit log of administrators' changes, hook deliveries seen",
  sql: `
      ALTER TABLE organizations ADD COLUMN instance_id TEXT;
      CREATE INDEX organizations_by_instance ON organizations (instance_id);

      CREATE TABLE audit_entries (
        id {{id}},
        organization TEXT NOT NULL,
        at {{bigint}} NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX audit_entries_by_organization ON audit_entries (organization, at);

      CREATE TABLE hook_deliveries_seen (
        organization TEXT NOT NULL,
        event_id TEXT NOT NULL,
        received_at {{bigint}} NOT NULL,
        PRIMARY KEY (organization, event_id)
      );
    `,
};

export const migration8: Migration = {
  version: 8,
  name: 'sync that keeps going: quarantine, stream problems, raw page identity',
  sql: `
      CREATE TABLE quarantined_records (
        organization TEXT NOT NULL,
        stream TEXT NOT NULL,
        raw_page_id {{bigint}} NOT NULL REFERENCES raw_pages (id),
        position INTEGER NOT NULL,
        item_key TEXT NOT NULL,
        item TEXT NOT NULL,
        reason TEXT NOT NULL,
        quarantined_at {{bigint}} NOT NULL,
        PRIMARY KEY (organization, raw_page_id, position)
      );
      CREATE INDEX quarantined_records_by_stream ON quarantined_records (organization, stream);

      ALTER TABLE stream_status ADD COLUMN problem TEXT;
      ALTER TABLE stream_status ADD COLUMN last_succeeded_at {{bigint}};

      ALTER TABLE sync_jobs ADD COLUMN full_due_at {{bigint}};
      ALTER TABLE sync_jobs ADD COLUMN backoff_until {{bigint}};

      ALTER TABLE raw_pages ADD COLUMN page_hash TEXT;
      CREATE UNIQUE INDEX raw_pages_once ON raw_pages (organization, stream, page_hash);
    `,
};
