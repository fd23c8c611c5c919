import type { JobClaim, JobState, SyncJobQueue } from '../../tenants.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import type { SqlDatabase } from '../sqlDatabase.ts';

const ALL = '*';

function encodeStreams(streams: readonly string[] | 'all'): string {
  return streams === 'all' ? ALL : [...new Set(streams)].sort().join(',');
}

function decodeStreams(value: string): readonly string[] | 'all' {
  return value === ALL ? 'all' : value.split(',').filter((stream) => stream.length > 0);
}

/** Union of two requests; 'all' absorbs everything. */
function mergeStreams(current: string, added: readonly string[] | 'all'): string {
  const existing = decodeStreams(current);
  if (existing === 'all' || added === 'all') return ALL;
  return encodeStreams([...existing, ...added]);
}

export class SqlSyncJobQueue implements SyncJobQueue {
  constructor(private readonly database: SqlDatabase) {}

  async ensure(organization: string, now: number): Promise<void> {
    await this.database.run(
      'INSERT INTO sync_jobs (organization, due_at) VALUES (?, ?) ON CONFLICT (organization) DO NOTHING',
      [organization, now],
    );
  }

  async request(organization: string, streams: readonly string[] | 'all', now: number): Promise<void> {
    await this.ensure(organization, now);
    const lock = this.database.dialect === 'postgres' ? ' FOR UPDATE' : '';
    await this.database.transaction(async (executor) => {
      const row = await executor.get(
        `SELECT due_at, requested_streams FROM sync_jobs WHERE organization = ?${lock}`,
        [organization],
      );
      if (row === undefined) return;
      // A job not yet due was waiting for its periodic full run: the request replaces that, it does not widen it.
      const requested =
        integer(row, 'due_at') > now
          ? encodeStreams(streams)
          : mergeStreams(text(row, 'requested_streams'), streams);
      await executor.run(
        'UPDATE sync_jobs SET due_at = ?, requested_streams = ?, request_seq = request_seq + 1 WHERE organization = ?',
        [Math.min(now, integer(row, 'due_at')), requested, organization],
      );
    });
  }

  async claim(owner: string, now: number, leaseMs: number): Promise<JobClaim | undefined> {
    const skipLocked = this.database.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const row = await this.database.get(
      `UPDATE sync_jobs SET lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1
       WHERE organization = (
         SELECT organization FROM sync_jobs
         WHERE due_at <= ? AND (lease_owner IS NULL OR lease_expires_at < ?)
         ORDER BY due_at, organization LIMIT 1${skipLocked})
       RETURNING organization, requested_streams, attempts, request_seq`,
      [owner, now + leaseMs, now, now],
    );
    if (row === undefined) return undefined;
    return {
      organization: text(row, 'organization'),
      requestedStreams: decodeStreams(text(row, 'requested_streams')),
      attempts: integer(row, 'attempts'),
      requestSequence: integer(row, 'request_seq'),
    };
  }

  async renew(organization: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const changed = await this.database.run(
      'UPDATE sync_jobs SET lease_expires_at = ? WHERE organization = ? AND lease_owner = ?',
      [now + leaseMs, organization, owner],
    );
    return changed > 0;
  }

  async complete(claim: JobClaim, owner: string, nextDueAt: number, now: number): Promise<void> {
    // Requests that arrived during the run keep the job due now, with their streams.
    await this.database.run(
      `UPDATE sync_jobs SET lease_owner = NULL, lease_expires_at = NULL, attempts = 0, last_error = NULL,
         last_finished_at = ?,
         due_at = CASE WHEN request_seq = ? THEN ? ELSE due_at END,
         requested_streams = CASE WHEN request_seq = ? THEN '${ALL}' ELSE requested_streams END
       WHERE organization = ? AND lease_owner = ?`,
      [now, claim.requestSequence, nextDueAt, claim.requestSequence, claim.organization, owner],
    );
  }

  async fail(organization: string, owner: string, error: string, nextDueAt: number): Promise<void> {
    await this.database.run(
      `UPDATE sync_jobs SET lease_owner = NULL, lease_expires_at = NULL, last_error = ?, due_at = ?
       WHERE organization = ? AND lease_owner = ?`,
      [error, nextDueAt, organization, owner],
    );
  }

  async remove(organization: string): Promise<void> {
    await this.database.run('DELETE FROM sync_jobs WHERE organization = ?', [organization]);
  }

  async describe(organization: string): Promise<JobState | undefined> {
    const row = await this.database.get('SELECT * FROM sync_jobs WHERE organization = ?', [organization]);
    if (row === undefined) return undefined;
    return {
      dueAt: integer(row, 'due_at'),
      requestedStreams: decodeStreams(text(row, 'requested_streams')),
      leaseOwner: optionalText(row, 'lease_owner'),
      leaseExpiresAt: optionalInteger(row, 'lease_expires_at'),
      attempts: integer(row, 'attempts'),
      lastError: optionalText(row, 'last_error'),
      lastFinishedAt: optionalInteger(row, 'last_finished_at'),
    };
  }
}
