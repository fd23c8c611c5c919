import { z } from 'zod';

/**
 * Why a stream or an organization is not syncing normally, as a stable code with parameters: the hubs
 * render it from their string tables; `message` is the English text for API users.
 */
export const SYNC_PROBLEM_CODES = [
  /** The PAT lacks a scope the stream needs; params: scope, scopeLabel, feature. */
  'needs_scope',
  /** Azure DevOps refused the PAT itself (expired, revoked); params: organization. */
  'credentials_refused',
  /** The stream failed; params: reason (English detail). */
  'stream_failed',
] as const;
export type SyncProblemCode = (typeof SYNC_PROBLEM_CODES)[number];

export const syncProblemSchema = z.object({
  code: z.enum(SYNC_PROBLEM_CODES),
  params: z.record(z.string(), z.string()),
  message: z.string(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

/**
 * A stream's (or organization's) state, most pressing first: what the freshness line and the admin table
 * show. `first_sync`: no complete run yet, one in progress; `paced`: waiting for the rate limit right now;
 * `stale`: the last success is older than twice the sync interval.
 */
export const SYNC_STATES = [
  'needs_credentials',
  'needs_scope',
  'failed',
  'paced',
  'first_sync',
  'stale',
  'syncing',
  'fresh',
  'queued',
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** What a stream's data serves: flow (work items) or delivery (builds, deployments, changes). */
export const STREAM_FEATURES = ['flow', 'delivery'] as const;
export type StreamFeature = (typeof STREAM_FEATURES)[number];

/**
 * The PAT scopes each feature needs, with the names Azure DevOps' PAT dialog shows: what the connect form
 * lists as required (flow) and optional (delivery). The sync's streams declare theirs from the same names.
 */
export const FEATURE_SCOPES: Record<
  StreamFeature,
  { required: boolean; scopes: readonly { scope: string; label: string }[] }
> = {
  flow: {
    required: true,
    scopes: [
      { scope: 'vso.work', label: 'Work Items (Read)' },
      { scope: 'vso.project', label: 'Project and Team (Read)' },
    ],
  },
  delivery: {
    required: false,
    scopes: [
      { scope: 'vso.build', label: 'Build (Read)' },
      { scope: 'vso.code', label: 'Code (Read)' },
      { scope: 'vso.release', label: 'Release (Read)' },
      { scope: 'vso.environment_manage', label: 'Environment (Read & manage)' },
      // Incidents are work items: their artifact links to builds and releases are read with it.
      { scope: 'vso.work', label: 'Work Items (Read)' },
    ],
  },
};

export const streamHealthSchema = z.object({
  stream: z.string(),
  feature: z.enum(STREAM_FEATURES),
  state: z.enum(SYNC_STATES),
  /** 0..1 during a run when it can be estimated. */
  progress: z.number().nullable(),
  /** Estimated seconds to the end of the run in progress. */
  estimatedSecondsLeft: z.number().nullable(),
  /** When pacing or a Retry-After ends (state `paced`). */
  resumesAt: z.string().nullable(),
  /** Wall time this run (or the last one) waited for the rate limit, not summed over concurrent waits. */
  pacedSeconds: z.number(),
  lastSucceededAt: z.string().nullable(),
  /** When the sync next tries (failed or refused streams: the job's next run). */
  nextTryAt: z.string().nullable(),
  problem: syncProblemSchema.nullable(),
  quarantined: z.number().int(),
});
export type StreamHealth = z.infer<typeof streamHealthSchema>;

/**
 * The organization's first sync as a whole (every stream not yet synced once): when it ends is when the
 * last of them does. `null` estimates while any of them cannot be estimated yet.
 */
export const firstSyncEstimateSchema = z.object({
  /** Streams still in their first sync. */
  streamsLeft: z.number().int(),
  /** Of those, the ones without an estimate (queued, just started, failed and retrying). */
  streamsWithoutEstimate: z.number().int(),
  /** When the earliest of them started (ISO time). */
  startedAt: z.string().nullable(),
  /** 0..1 by time: elapsed ÷ (elapsed + estimated time left). */
  progress: z.number().nullable(),
  estimatedSecondsLeft: z.number().nullable(),
  estimatedFinishAt: z.string().nullable(),
});
export type FirstSyncEstimate = z.infer<typeof firstSyncEstimateSchema>;

export const syncHealthResponseSchema = z.object({
  organization: z.string(),
  /** The organization's state: the most pressing of its streams' (flow streams decide `first_sync`). */
  state: z.enum(SYNC_STATES),
  /** The flow (work-item) streams' state alone: what the Flow hub's freshness line shows. */
  flowState: z.enum(SYNC_STATES),
  /** The newest time every flow stream had succeeded by: "data as of". */
  flowDataAsOf: z.string().nullable(),
  resumesAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  problem: syncProblemSchema.nullable(),
  /** The first sync of every stream not yet synced once, with its ETA; null when there is none. */
  firstSync: firstSyncEstimateSchema.nullable().optional(),
  streams: z.array(streamHealthSchema),
});
export type SyncHealthResponse = z.infer<typeof syncHealthResponseSchema>;

export const quarantinedRecordSchema = z.object({
  stream: z.string(),
  rawPageId: z.number().int(),
  position: z.number().int(),
  /** The record's own key (a work item id and revision, a build id …). */
  itemKey: z.string(),
  reason: z.string(),
  quarantinedAt: z.string(),
});
export type QuarantinedRecordResponse = z.infer<typeof quarantinedRecordSchema>;

export const quarantineResponseSchema = z.object({
  organization: z.string(),
  records: z.array(quarantinedRecordSchema),
});
export type QuarantineResponse = z.infer<typeof quarantineResponseSchema>;
