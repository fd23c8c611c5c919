import {
  SYNC_STATES,
  type StreamHealth,
  type SyncHealthResponse,
  type SyncProblemCode,
  type SyncState,
  SYNC_PROBLEM_CODES,
} from '../contract/syncStatus.ts';
import type { JobState, StreamStatus } from '../storage/tenants.ts';
import { estimateFirstSync } from './firstSyncEstimate.ts';
import { renderProblem } from './problems.ts';
import type { StreamFeature } from './stream.ts';

export interface HealthInput {
  organization: string;
  statuses: readonly StreamStatus[];
  job: JobState | undefined;
  /** The feature of each known stream (flow or delivery). */
  features: ReadonlyMap<string, StreamFeature>;
  /** Quarantined records per stream. */
  quarantined: ReadonlyMap<string, number>;
  intervalMs: number;
  now: number;
}

const iso = (time: number | null | undefined): string | null =>
  time === null || time === undefined ? null : new Date(time).toISOString();

function isProblemCode(code: string): code is SyncProblemCode {
  return (SYNC_PROBLEM_CODES as readonly string[]).includes(code);
}

/** The state of one stream from its last saved status; the most pressing condition wins. */
export function streamState(status: StreamStatus, intervalMs: number, now: number): SyncState {
  const succeeded = status.lastSucceededAt ?? null;
  switch (status.phase) {
    case 'needs_scope':
      return 'needs_scope';
    case 'failed':
      return status.problem?.code === 'credentials_refused' ? 'needs_credentials' : 'failed';
    case 'collecting': {
      const resumesAt = status.resumesAt ?? null;
      if (resumesAt !== null && resumesAt > now) return 'paced';
      return succeeded === null ? 'first_sync' : 'syncing';
    }
    case 'done':
      return succeeded !== null && now - succeeded > 2 * intervalMs ? 'stale' : 'fresh';
    case 'queued':
      return succeeded === null ? 'first_sync' : 'queued';
  }
}

/** The most pressing of several states (SYNC_STATES is ordered that way); `queued` for none. */
export function mostPressing(states: readonly SyncState[]): SyncState {
  const ranks = states.map((state) => SYNC_STATES.indexOf(state));
  return ranks.length === 0 ? 'queued' : (SYNC_STATES[Math.min(...ranks)] ?? 'queued');
}

function streamHealth(status: StreamStatus, input: HealthInput): StreamHealth {
  const state = streamState(status, input.intervalMs, input.now);
  const problem =
    status.problem !== undefined && status.problem !== null && isProblemCode(status.problem.code)
      ? renderProblem({ code: status.problem.code, params: status.problem.params })
      : null;
  const running = state === 'first_sync' || state === 'syncing' || state === 'paced';
  return {
    stream: status.stream,
    feature: input.features.get(status.stream) ?? 'flow',
    state,
    progress: running ? status.progress : null,
    estimatedSecondsLeft: running ? status.estimatedSecondsLeft : null,
    resumesAt: state === 'paced' ? iso(status.resumesAt) : null,
    pacedSeconds: status.rateLimit?.pacedSeconds ?? 0,
    lastSucceededAt: iso(status.lastSucceededAt),
    nextTryAt: state === 'failed' || state === 'needs_credentials' ? iso(input.job?.dueAt) : null,
    problem,
    quarantined: input.quarantined.get(status.stream) ?? 0,
  };
}

/**
 * What sync status tells the admin and the Flow hub: per stream and per organization, first sync in
 * progress, paced right now (until when), failed (why, next try), stale (last success older than twice
 * the interval). Pure: the caller reads statuses and the job once.
 */
export function describeSyncHealth(input: HealthInput): SyncHealthResponse {
  const streams = input.statuses.map((status) => streamHealth(status, input));
  const flow = streams.filter((stream) => stream.feature === 'flow');
  const state = mostPressing(streams.map((stream) => stream.state));
  const flowState = mostPressing(flow.map((stream) => stream.state));
  const flowSuccesses = flow.map((stream) => stream.lastSucceededAt);
  const pressing = streams.find((stream) => stream.state === state);
  const resumes = streams.flatMap((stream) =>
    stream.resumesAt === null ? [] : [Date.parse(stream.resumesAt)],
  );
  return {
    organization: input.organization,
    state,
    flowState,
    flowDataAsOf:
      flowSuccesses.length === 0 || flowSuccesses.some((time) => time === null)
        ? null
        : iso(Math.min(...flowSuccesses.map((time) => Date.parse(time ?? '')))),
    resumesAt: resumes.length === 0 ? null : iso(Math.min(...resumes)),
    nextRunAt: iso(input.job?.dueAt),
    problem: pressing?.problem ?? null,
    firstSync: estimateFirstSync(input.statuses, input.now),
    streams,
  };
}
