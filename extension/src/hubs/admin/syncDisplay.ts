import type { StreamStatusResponse, SyncStatusResponse } from '../../../../service/src/contract/index.ts';

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
  const blockedUntil = rateLimit.blockedUntil === null ? Number.NaN : Date.parse(rateLimit.blockedUntil);
  if (Number.isFinite(blockedUntil) && blockedUntil > nowMs) {
    return { kind: 'paused', until: new Date(blockedUntil), throttled, paced };
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
