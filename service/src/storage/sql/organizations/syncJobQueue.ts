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

/**
 * Jobs in SQL. Two clocks per organization: `full_due_at`, the periodic full (reconciling) run, which only
 * a full run moves; and `requested_streams`, what hooks asked for since. `due_at` is the sooner of the two,
 * never before `backoff_until` after failures (hook-triggered runs back off too).
 */
export class SqlSyncJobQueue implements SyncJobQueue {
  constructor(private readonly database: SqlDatabase) {}

  async ensure(organization: string, now: number): Promise<void> {
    await this.database.run(
      `INSERT INTO sync_jobs (organization, due_at, full_due_at, requested_streams) VALUES (?, ?, ?, '')
       ON CONFLICT (organization) DO NOTHING`,
      [organization, now, now],
    );
  }

  async request(organization: string, streams: readonly string[] | 'all', now: number): Promise<void> {
    await this.ensure(organization, now);
    const lock = this.database.dialect === 'postgres' ? ' FOR UPDATE' : '';
    await this.database.transaction(async (executor) => {
      const row = await executor.get(
        `SELECT due_at, requested_streams, backoff_until FROM sync_jobs WHERE organization = ?${lock}`,
        [organization],
      );
      if (row === undefined) return;
      const earliest = Math.max(now, optionalInteger(row, 'backoff_until') ?? now);
      await executor.run(
        'UPDATE sync_jobs SET due_at = ?, requested_streams = ?, request_seq = request_seq + 1 WHERE organization = ?',
        [
          Math.min(earliest, integer(row, 'due_at')),
          mergeStreams(text(row, 'requested_streams'), streams),
          organization,
        ],
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
       RETURNING organization, requested_streams, attempts, request_seq, due_at, full_due_at`,
      [owner, now + leaseMs, now, now],
    );
    if (row === undefined) return undefined;
    // Rows from before full_due_at existed: the pending due time was the full run's.
    const fullDueAt = optionalInteger(row, 'full_due_at') ?? integer(row, 'due_at');
    return {
      organization: text(row, 'organization'),
      requestedStreams: fullDueAt <= now ? 'all' : decodeStreams(text(row, 'requested_streams')),
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

  async complete(
    claim: JobClaim,
    owner: string,
    nextDueAt: number,
    now: number,
    retry?: { streams: readonly string[]; at: number; error: string },
  ): Promise<void> {
    const lock = this.database.dialect === 'postgres' ? ' FOR UPDATE' : '';
    await this.database.transaction(async (executor) => {
      const row = await executor.get(
        `SELECT full_due_at, due_at, requested_streams, request_seq, lease_owner FROM sync_jobs
         WHERE organization = ?${lock}`,
        [claim.organization],
      );
      if (row === undefined || optionalText(row, 'lease_owner') !== owner) return;
      const fullDueAt =
        claim.requestedStreams === 'all'
          ? nextDueAt
          : (optionalInteger(row, 'full_due_at') ?? integer(row, 'due_at'));
      // Requests that arrived during the run stay due now, with their streams; else they were answered.
      const answered = integer(row, 'request_seq') === claim.requestSequence;
      let requested = answered ? '' : text(row, 'requested_streams');
      let dueAt = answered ? fullDueAt : Math.min(fullDueAt, now);
      if (retry !== undefined && retry.streams.length > 0) {
        requested = mergeStreams(requested, retry.streams);
        // The back-off holds everything due before it, hook-triggered streams included.
        dueAt = retry.at;
      }
      await executor.run(
        `UPDATE sync_jobs SET lease_owner = NULL, lease_expires_at = NULL, last_finished_at = ?,
           attempts = ?, last_error = ?, backoff_until = ?, due_at = ?, full_due_at = ?, requested_streams = ?
         WHERE organization = ?`,
        [
          now,
          retry === undefined ? 0 : claim.attempts,
          retry?.error ?? null,
          retry?.at ?? null,
          dueAt,
          fullDueAt,
          requested,
          claim.organization,
        ],
      );
    });
  }

  async fail(organization: string, owner: string, error: string, nextDueAt: number): Promise<void> {
    // The streams asked for stay asked for; nothing (hooks included) starts before the back-off ends.
    await this.database.run(
      `UPDATE sync_jobs SET lease_owner = NULL, lease_expires_at = NULL, last_error = ?, due_at = ?,
         backoff_until = ?, full_due_at = CASE WHEN full_due_at < ? THEN ? ELSE full_due_at END
       WHERE organization = ? AND lease_owner = ?`,
      [error, nextDueAt, nextDueAt, nextDueAt, nextDueAt, organization, owner],
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
      fullDueAt: optionalInteger(row, 'full_due_at'),
      backoffUntil: optionalInteger(row, 'backoff_until'),
    };
  }
}
