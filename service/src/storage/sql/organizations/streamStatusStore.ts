import type { StreamPhase, StreamStatus, StreamStatusStore } from '../../tenants.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import type { SqlDatabase, SqlRow } from '../sqlDatabase.ts';

const PHASES: readonly StreamPhase[] = ['queued', 'collecting', 'done', 'failed', 'needs_scope'];

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
         estimated_seconds_left, rate_limit, last_error, problem, last_succeeded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization, stream) DO UPDATE SET phase = excluded.phase, pages = excluded.pages,
         items = excluded.items, requests = excluded.requests, progress = excluded.progress,
         started_at = excluded.started_at, updated_at = excluded.updated_at,
         estimated_seconds_left = excluded.estimated_seconds_left, rate_limit = excluded.rate_limit,
         last_error = excluded.last_error, problem = excluded.problem,
         last_succeeded_at = COALESCE(excluded.last_succeeded_at, stream_status.last_succeeded_at)`,
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
        // The wait in progress travels with the rate-limit state it belongs to.
        status.rateLimit === null
          ? null
          : JSON.stringify({ ...status.rateLimit, resumesAt: status.resumesAt ?? null }),
        status.lastError,
        status.problem === undefined || status.problem === null ? null : JSON.stringify(status.problem),
        status.lastSucceededAt ?? null,
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
        ...optionalEntry('resumesAt', rateLimit === null ? null : resumesAtOf(rateLimit)),
        lastError: optionalText(row, 'last_error'),
        // Only present when known, so a status reads back exactly as it was saved.
        ...optionalEntry('problem', parseProblem(optionalText(row, 'problem'))),
        ...optionalEntry('lastSucceededAt', optionalInteger(row, 'last_succeeded_at')),
      };
    });
  }
}

function optionalEntry<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}

function parseProblem(value: string | null): StreamStatus['problem'] {
  if (value === null) return null;
  const parsed: unknown = JSON.parse(value);
  const code: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'code') : undefined;
  const params: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'params') : undefined;
  if (typeof code !== 'string') throw new Error('Stored stream problem has no code');
  const entries =
    typeof params === 'object' && params !== null
      ? Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      : [];
  return { code, params: Object.fromEntries(entries) };
}

function resumesAtOf(value: string): number | null {
  const parsed: unknown = JSON.parse(value);
  const resumesAt: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'resumesAt') : undefined;
  return typeof resumesAt === 'number' ? resumesAt : null;
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
