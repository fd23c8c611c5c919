import type { StreamPhase, StreamStatus, StreamStatusStore } from '../../tenants.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.ts';

const PHASES: readonly StreamPhase[] = ['queued', 'collecting', 'done', 'failed'];

function phaseOf(value: string): StreamPhase {
  const phase = PHASES.find((candidate) => candidate === value);
  if (phase === undefined) throw new Error(`Stored stream phase ${value} is unknown`);
  return phase;
}

function optionalNumber(row: SqlRow, column: string): number | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`Column ${column} is not a number`);
  return parsed;
}

export class SqlStreamStatusStore implements StreamStatusStore {
  constructor(private readonly database: SqlDatabase) {}

  async save(status: StreamStatus): Promise<void> {
    await this.database.run(
      `INSERT INTO stream_status (organization, stream, phase, pages, items, requests, progress, started_at, updated_at,
         estimated_seconds_left, rate_limit, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization, stream) DO UPDATE SET phase = excluded.phase, pages = excluded.pages,
         items = excluded.items, requests = excluded.requests, progress = excluded.progress,
         started_at = excluded.started_at, updated_at = excluded.updated_at,
         estimated_seconds_left = excluded.estimated_seconds_left, rate_limit = excluded.rate_limit,
         last_error = excluded.last_error`,
      [
        status.organization,
        status.stream,
        status.phase,
        status.pages,
        status.items,
        status.requests,
        status.progress,
        status.startedAt,
        status.updatedAt,
        status.estimatedSecondsLeft,
        status.rateLimit === null ? null : JSON.stringify(status.rateLimit),
        status.lastError,
      ],
    );
  }

  async list(organization: string): Promise<StreamStatus[]> {
    const rows = await this.database.all(
      'SELECT * FROM stream_status WHERE organization = ? ORDER BY stream',
      [organization],
    );
    return rows.map((row) => {
      const rateLimit = optionalText(row, 'rate_limit');
      return {
        organization: text(row, 'organization'),
        stream: text(row, 'stream'),
        phase: phaseOf(text(row, 'phase')),
        pages: integer(row, 'pages'),
        items: integer(row, 'items'),
        requests: integer(row, 'requests'),
        progress: optionalNumber(row, 'progress'),
        startedAt: optionalInteger(row, 'started_at'),
        updatedAt: integer(row, 'updated_at'),
        estimatedSecondsLeft: optionalNumber(row, 'estimated_seconds_left'),
        rateLimit: rateLimit === null ? null : parseRateLimit(rateLimit),
        lastError: optionalText(row, 'last_error'),
      };
    });
  }
}

function parseRateLimit(value: string): StreamStatus['rateLimit'] {
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error('Stored rate-limit state is not an object');
  const numberOrNull = (key: string): number | null => {
    const field: unknown = Reflect.get(parsed, key);
    return typeof field === 'number' ? field : null;
  };
  return {
    remaining: numberOrNull('remaining'),
    limit: numberOrNull('limit'),
    blockedUntil: numberOrNull('blockedUntil'),
    throttledResponses: numberOrNull('throttledResponses') ?? 0,
    // Rows saved before pacing was reported have none.
    pacedSeconds: numberOrNull('pacedSeconds') ?? 0,
  };
}
