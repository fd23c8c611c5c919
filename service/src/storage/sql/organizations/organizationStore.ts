import type { SecretBox } from '../../../security/secretBox.ts';
import type { OrganizationCredentials, OrganizationStore, OrganizationSummary } from '../../tenants.ts';
import { optionalText, text } from '../rows.ts';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.ts';

/** Organizations with their PAT and hook secret sealed by the SecretBox; plaintext never reaches SQL. */
export class SqlOrganizationStore implements OrganizationStore {
  constructor(
    private readonly database: SqlDatabase,
    private readonly secrets: SecretBox,
  ) {}

  async connect(organization: OrganizationCredentials): Promise<void> {
    await this.database.run(
      `INSERT INTO organizations (name, url, instance_id, pat_ciphertext, hook_secret_ciphertext, time_zone, connected_at, disconnected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, instance_id = excluded.instance_id, pat_ciphertext = excluded.pat_ciphertext,
         hook_secret_ciphertext = excluded.hook_secret_ciphertext, time_zone = excluded.time_zone,
         connected_at = excluded.connected_at, disconnected_at = NULL`,
      [
        organization.name.toLowerCase(),
        organization.url,
        organization.instanceId,
        this.secrets.seal(organization.personalAccessToken),
        this.secrets.seal(organization.hookSecret),
        organization.timeZone,
        new Date().toISOString(),
      ],
    );
  }

  async disconnect(name: string): Promise<boolean> {
    const changed = await this.database.run(
      'UPDATE organizations SET disconnected_at = ?, pat_ciphertext = ?, hook_secret_ciphertext = ? WHERE name = ? AND disconnected_at IS NULL',
      // Credentials are dropped, not kept: a disconnected organization must be reconnected with a new PAT.
      [new Date().toISOString(), '', '', name.toLowerCase()],
    );
    return changed > 0;
  }

  async credentials(name: string): Promise<OrganizationCredentials | undefined> {
    const row = await this.database.get(
      'SELECT * FROM organizations WHERE name = ? AND disconnected_at IS NULL',
      [name.toLowerCase()],
    );
    if (row === undefined) return undefined;
    return {
      name: text(row, 'name'),
      url: text(row, 'url'),
      instanceId: optionalText(row, 'instance_id'),
      timeZone: text(row, 'time_zone'),
      personalAccessToken: this.secrets.open(text(row, 'pat_ciphertext')),
      hookSecret: this.secrets.open(text(row, 'hook_secret_ciphertext')),
    };
  }

  async list(): Promise<OrganizationSummary[]> {
    const rows = await this.database.all(
      'SELECT name, url, instance_id, time_zone, connected_at FROM organizations WHERE disconnected_at IS NULL ORDER BY name',
    );
    return rows.map(summary);
  }

  async instanceOf(name: string): Promise<string | null | undefined> {
    const row = await this.database.get('SELECT instance_id FROM organizations WHERE name = ?', [
      name.toLowerCase(),
    ]);
    return row === undefined ? undefined : optionalText(row, 'instance_id');
  }

  async findByInstance(instanceId: string): Promise<OrganizationSummary | undefined> {
    const row = await this.database.get(
      'SELECT name, url, instance_id, time_zone, connected_at FROM organizations WHERE instance_id = ? AND disconnected_at IS NULL',
      [instanceId],
    );
    return row === undefined ? undefined : summary(row);
  }

  async saveHookSubscriptions(
    name: string,
    subscriptions: readonly { id: string; eventType: string }[],
  ): Promise<void> {
    const organization = name.toLowerCase();
    const createdAt = new Date().toISOString();
    await this.database.transaction(async (executor) => {
      for (const subscription of subscriptions) {
        await executor.run(
          `INSERT INTO hook_subscriptions (organization, subscription_id, event_type, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (organization, subscription_id) DO NOTHING`,
          [organization, subscription.id, subscription.eventType, createdAt],
        );
      }
    });
  }

  async hookSubscriptions(name: string): Promise<{ id: string; eventType: string }[]> {
    const rows = await this.database.all(
      'SELECT subscription_id, event_type FROM hook_subscriptions WHERE organization = ? ORDER BY event_type',
      [name.toLowerCase()],
    );
    return rows.map((row) => ({ id: text(row, 'subscription_id'), eventType: text(row, 'event_type') }));
  }

  async firstDelivery(name: string, eventId: string, receivedAt: number, windowMs: number): Promise<boolean> {
    const organization = name.toLowerCase();
    // Ids older than the window are dropped by their age anyway, so they need not be remembered.
    await this.database.run('DELETE FROM hook_deliveries_seen WHERE organization = ? AND received_at < ?', [
      organization,
      receivedAt - windowMs,
    ]);
    const inserted = await this.database.run(
      `INSERT INTO hook_deliveries_seen (organization, event_id, received_at) VALUES (?, ?, ?)
       ON CONFLICT (organization, event_id) DO NOTHING`,
      [organization, eventId, receivedAt],
    );
    return inserted > 0;
  }

  /**
   * Deletes every row of the organization in every table keyed by organization (found in the schema, so
   * tables added later are covered), raw pages last because other rows refer to them. Audit entries are
   * kept only when `keepAuditIds` names them (the disconnect itself).
   */
  async purge(name: string, keepAuditIds: readonly number[] = []): Promise<void> {
    const organization = name.toLowerCase();
    const tables = (await this.database.all(ORGANIZATION_TABLES[this.database.dialect])).map((row) =>
      text(row, 'name'),
    );
    const ordered = [
      ...tables.filter((table) => table !== 'raw_pages'),
      ...tables.filter((table) => table === 'raw_pages'),
    ];
    await this.database.transaction(async (executor) => {
      for (const table of ordered) {
        if (!/^[a-z_][a-z0-9_]*$/.test(table)) continue;
        if (table === 'audit_entries' && keepAuditIds.length > 0) {
          await executor.run(
            `DELETE FROM audit_entries WHERE organization = ? AND id NOT IN (${keepAuditIds.map(() => '?').join(', ')})`,
            [organization, ...keepAuditIds],
          );
        } else {
          await executor.run(`DELETE FROM ${table} WHERE organization = ?`, [organization]);
        }
      }
      await executor.run('DELETE FROM organizations WHERE name = ?', [organization]);
    });
  }

  async forgetHookSubscriptions(name: string): Promise<void> {
    await this.database.run('DELETE FROM hook_subscriptions WHERE organization = ?', [name.toLowerCase()]);
  }
}

function summary(row: SqlRow): OrganizationSummary {
  return {
    name: text(row, 'name'),
    url: text(row, 'url'),
    instanceId: optionalText(row, 'instance_id'),
    timeZone: text(row, 'time_zone'),
    connectedAt: text(row, 'connected_at'),
  };
}

/** Tables with an `organization` column, per dialect. */
const ORGANIZATION_TABLES = {
  sqlite: `SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p
           WHERE m.type = 'table' AND p.name = 'organization' ORDER BY m.name`,
  postgres: `SELECT table_name AS name FROM information_schema.columns
             WHERE column_name = 'organization' AND table_schema = current_schema() ORDER BY table_name`,
} as const;
