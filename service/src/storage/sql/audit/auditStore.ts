import { auditActionSchema, type AuditAction } from '../../../contract/access/audit.ts';
import { integer, optionalText, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

export interface AuditEntry {
  organization: string;
  at: number;
  actor: { id: string; displayName: string };
  action: AuditAction;
  target: string;
  before: unknown;
  after: unknown;
}

export interface AuditLog {
  /** Appends one entry; returns its id. */
  record(entry: AuditEntry): Promise<number>;
  /** Newest first, at most `limit`. */
  list(organization: string, limit: number): Promise<AuditEntry[]>;
  /** Deletes entries older than `before` (epoch ms); returns how many. */
  prune(before: number): Promise<number>;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);
const parsed = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

/** Who changed which setting, from what to what, and when; settings only, never anyone's work. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly database: SqlDatabase) {}

  async record(entry: AuditEntry): Promise<number> {
    const row = await this.database.get(
      `INSERT INTO audit_entries (organization, at, actor_id, actor_name, action, target, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        entry.organization.toLowerCase(),
        entry.at,
        entry.actor.id,
        entry.actor.displayName,
        entry.action,
        entry.target,
        json(entry.before),
        json(entry.after),
      ],
    );
    if (row === undefined) throw new Error('The audit entry was not stored');
    return integer(row, 'id');
  }

  async list(organization: string, limit: number): Promise<AuditEntry[]> {
    const rows = await this.database.all(
      'SELECT * FROM audit_entries WHERE organization = ? ORDER BY at DESC, id DESC LIMIT ?',
      [organization.toLowerCase(), limit],
    );
    return rows.map((row) => ({
      organization: text(row, 'organization'),
      at: integer(row, 'at'),
      actor: { id: text(row, 'actor_id'), displayName: text(row, 'actor_name') },
      action: auditActionSchema.parse(text(row, 'action')),
      target: text(row, 'target'),
      before: parsed(optionalText(row, 'before_json')),
      after: parsed(optionalText(row, 'after_json')),
    }));
  }

  prune(before: number): Promise<number> {
    return this.database.run('DELETE FROM audit_entries WHERE at < ?', [before]);
  }
}
