import type { RateLimitInfo } from './rateLimit.ts';
import type { Clock } from './requestBudget.ts';

/** A non-success HTTP answer from Azure DevOps, raised by the direct REST path. */
export class AdoHttpError extends Error {
  /** The rate-limit headers of the answer, under the name the library uses for its own errors. */
  readonly rateLimit: RateLimitInfo | undefined;

  constructor(
    readonly status: number,
    readonly url: string,
    readonly bodyText: string,
    rateLimit?: RateLimitInfo,
  ) {
    super(`Azure DevOps answered ${status} for ${url}: ${bodyText.slice(0, 300)}`);
    this.name = 'AdoHttpError';
    this.rateLimit = rateLimit;
  }
}

/**
 * The client library answered with nothing where a body was due. typed-rest-client returns null when a
 * body does not parse (cut off mid-way), so after credentials are verified this is a transient failure.
 */
export class EmptyAnswerError extends Error {
  constructor(readonly operation: string) {
    super(`Azure DevOps returned no usable answer for ${operation} (empty or cut-off body)`);
    this.name = 'EmptyAnswerError';
  }
}

export type FailureKind = 'transient' | 'throttled' | 'permanent';

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function statusOf(error: unknown): number | undefined {
  if (error instanceof AdoHttpError) return error.status;
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'statusCode');
  return typeof status === 'number' ? status : undefined;
}

function codeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 4; depth += 1) {
    if (typeof current !== 'object' || current === null) return undefined;
    const code: unknown = Reflect.get(current, 'code');
    if (typeof code === 'string') return code;
    current = Reflect.get(current, 'cause');
  }
  return undefined;
}

/**
 * 429 waits for Retry-After; 5xx, resets, timeouts and truncated bodies retry with backoff; everything
 * else (auth, 4xx, malformed data) is permanent: retrying cannot fix it.
 */
export function classifyFailure(error: unknown): FailureKind {
  const status = statusOf(error);
  if (status === 429) return 'throttled';
  if (status !== undefined) return status >= 500 ? 'transient' : 'permanent';
  const code = codeOf(error);
  if (code !== undefined && TRANSIENT_CODES.has(code)) return 'transient';
  if (error instanceof SyntaxError || error instanceof EmptyAnswerError) return 'transient'; // a cut-off body
  if (
    error instanceof Error &&
    /socket hang up|timeout|terminated|aborted|premature close/i.test(error.message)
  ) {
    return 'transient';
  }
  return 'permanent';
}

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  clock: Clock;
  /** Seconds the server asked us to wait, if the failure carries it. */
  retryAfterOf?: (error: unknown) => number | undefined;
  onRetry?: (details: { attempt: number; delayMs: number; kind: FailureKind; error: unknown }) => void;
}

/** Exponential backoff with full jitter (AWS architecture blog), capped; Retry-After wins when given. */
export function backoffDelay(
  attempt: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(options.random() * ceiling);
}

export async function withRetries<T>(
  work: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === 'permanent' || attempt >= maxAttempts) throw error;
      const retryAfter = options.retryAfterOf?.(error);
      const delayMs =
        retryAfter !== undefined
          ? Math.ceil(retryAfter * 1000)
          : backoffDelay(attempt, { baseDelayMs, maxDelayMs, random });
      options.onRetry?.({ attempt, delayMs, kind, error });
      await options.clock.sleep(delayMs);
    }
  }
}
