import type { Strings } from '../../i18n/en.ts';
import type {
  StreamStatusResponse,
  SyncProblem,
  SyncProblemCode,
  SyncState,
  SyncStatusResponse,
} from '../../../../service/src/contract/index.ts';

/** How often sync status is polled while something is collecting, and when all is quiet. */
export const activePollMs = 3_000;
export const idlePollMs = 30_000;

/** True while the worker is running the organization's job or any stream is still collecting. */
export function isSyncActive(status: SyncStatusResponse): boolean {
  return status.job?.running === true || status.streams.some((stream) => stream.phase === 'collecting');
}

/**
 * Delay before the next sync-status poll: every few seconds while collecting; otherwise the idle interval,
 * shortened so the view wakes up shortly after the next scheduled run starts.
 */
export function nextPollDelayMs(status: SyncStatusResponse | undefined, nowMs: number): number {
  if (status === undefined) {
    return idlePollMs;
  }
  if (isSyncActive(status)) {
    return activePollMs;
  }
  const nextRunAt = status.job ? Date.parse(status.job.nextRunAt) : Number.NaN;
  if (Number.isFinite(nextRunAt)) {
    const untilNextRun = nextRunAt - nowMs + activePollMs;
    return Math.min(idlePollMs, Math.max(activePollMs, untilNextRun));
  }
  return idlePollMs;
}

/** Whole percent 0..100, or null when the service cannot estimate the progress. */
export function progressPercent(progress: number | null): number | null {
  if (progress === null || !Number.isFinite(progress)) {
    return null;
  }
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/** What to say about a stream's Azure DevOps rate limit. */
/** `paced`: seconds the run waited to stay within the budget, shown so slowness reads as deliberate. */
export type RateLimitState =
  | { kind: 'unknown' }
  | { kind: 'paused'; until: Date; throttled: number; paced: number }
  | { kind: 'budget'; remaining: number; limit: number | null; throttled: number; paced: number }
  | { kind: 'unlimited'; throttled: number; paced: number };

/**
 * Azure DevOps only reports a budget (X-RateLimit-*) once a caller nears it, so "no numbers" means "not
 * limited"; a blockedUntil in the future means the stream is waiting out a throttle.
 */
export function rateLimitState(rateLimit: StreamStatusResponse['rateLimit'], nowMs: number): RateLimitState {
  if (rateLimit === null) {
    return { kind: 'unknown' };
  }
  const throttled = rateLimit.throttledResponses;
  const paced = rateLimit.pacedSeconds;
  // Waiting right now, for a Retry-After or for pacing: the later of the two is when requests resume.
  const until = Math.max(
    ...[rateLimit.blockedUntil, rateLimit.resumesAt ?? null].map(timeOf).filter(Number.isFinite),
  );
  if (Number.isFinite(until) && until > nowMs) {
    return { kind: 'paused', until: new Date(until), throttled, paced };
  }
  if (rateLimit.remaining !== null) {
    return { kind: 'budget', remaining: rateLimit.remaining, limit: rateLimit.limit, throttled, paced };
  }
  return { kind: 'unlimited', throttled, paced };
}

/** A duration split for display: under a minute, minutes, or hours and minutes. */
export type DurationParts =
  | { kind: 'lessThanMinute' }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'hours'; hours: number; minutes: number };

export function durationParts(seconds: number): DurationParts {
  const totalMinutes = Math.round(Math.max(0, seconds) / 60);
  if (seconds < 60 || totalMinutes === 0) {
    return { kind: 'lessThanMinute' };
  }
  if (totalMinutes < 60) {
    return { kind: 'minutes', minutes: totalMinutes };
  }
  return { kind: 'hours', hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

function timeOf(value: string | null): number {
  return value === null ? Number.NaN : Date.parse(value);
}

/**
 * A stream's state for the table, most pressing first: refused token or scope, failed, paced right now,
 * first sync (never succeeded yet), stale (last success older than twice the interval), syncing, fresh.
 */
export function streamDisplayState(
  stream: StreamStatusResponse,
  nowMs: number,
  intervalMs: number,
): SyncState {
  const succeeded = timeOf(stream.lastSucceededAt ?? null);
  // A service that does not report it (undefined) is taken as having synced before: no false "first sync".
  const everSucceeded = stream.lastSucceededAt !== null;
  switch (stream.phase) {
    case 'needs_scope':
      return 'needs_scope';
    case 'failed':
      return stream.problem?.code === 'credentials_refused' ? 'needs_credentials' : 'failed';
    case 'collecting':
      if (rateLimitState(stream.rateLimit, nowMs).kind === 'paused') return 'paced';
      return everSucceeded ? 'syncing' : 'first_sync';
    case 'done':
      return Number.isFinite(succeeded) && nowMs - succeeded > 2 * intervalMs ? 'stale' : 'fresh';
    case 'queued':
      return everSucceeded ? 'queued' : 'first_sync';
  }
}

type ProblemStrings = Strings['admin']['problems'];

const PROBLEM_TEXT: Record<
  SyncProblemCode,
  (params: Readonly<Record<string, string>>, strings: ProblemStrings) => string
> = {
  needs_scope: (params, strings) => {
    const scope = params['scopeLabel'] ?? params['scope'] ?? '';
    return params['feature'] === 'delivery'
      ? strings.needsScopeDelivery(scope)
      : strings.needsScopeFlow(scope);
  },
  credentials_refused: (_params, strings) => strings.credentialsRefused,
  stream_failed: (params, strings) => strings.streamFailed(params['reason'] ?? ''),
};

/** The problem in the user's language from its code and parameters (the service's English otherwise). */
export function problemText(problem: SyncProblem | null | undefined, strings: ProblemStrings): string | null {
  if (problem === null || problem === undefined) return null;
  return PROBLEM_TEXT[problem.code](problem.params, strings);
}

/** States worth a line beside the phase: the phase alone would hide them. */
const NOTEWORTHY: ReadonlySet<SyncState> = new Set<SyncState>([
  'first_sync',
  'paced',
  'stale',
  'needs_credentials',
]);

export function isNoteworthy(state: SyncState): boolean {
  return NOTEWORTHY.has(state);
}
