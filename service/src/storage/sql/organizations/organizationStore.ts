import type { SecretBox } from '../../../security/secretBox.ts';
import type { OrganizationCredentials, OrganizationStore, OrganizationSummary } from '../../tenants.ts';
import { text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

/** Organizations with their PAT and hook secret sealed by the SecretBox; plaintext never reaches SQL. */
export class SqlOrganizationStore implements OrganizationStore {
  constructor(
    private readonly database: SqlDatabase,
    private readonly secrets: SecretBox,
  ) {}

  async connect(organization: OrganizationCredentials): Promise<void> {
    await this.database.run(
      `INSERT INTO organizations (name, url, pat_ciphertext, hook_secret_ciphertext, time_zone, connected_at, disconnected_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, pat_ciphertext = excluded.pat_ciphertext,
         hook_secret_ciphertext = excluded.hook_secret_ciphertext, time_zone = excluded.time_zone,
         connected_at = excluded.connected_at, disconnected_at = NULL`,
      [
        organization.name.toLowerCase(),
        organization.url,
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
      timeZone: text(row, 'time_zone'),
      personalAccessToken: this.secrets.open(text(row, 'pat_ciphertext')),
      hookSecret: this.secrets.open(text(row, 'hook_secret_ciphertext')),
    };
  }

  async list(): Promise<OrganizationSummary[]> {
    const rows = await this.database.all(
      'SELECT name, url, time_zone, connected_at FROM organizations WHERE disconnected_at IS NULL ORDER BY name',
    );
    return rows.map((row) => ({
      name: text(row, 'name'),
      url: text(row, 'url'),
      timeZone: text(row, 'time_zone'),
      connectedAt: text(row, 'connected_at'),
    }));
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

  async forgetHookSubscriptions(name: string): Promise<void> {
    await this.database.run('DELETE FROM hook_subscriptions WHERE organization = ?', [name.toLowerCase()]);
  }
}
