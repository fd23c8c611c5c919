/** A connected organization with its credentials decrypted; only the sync and hook handling see these. */
export interface OrganizationCredentials {
  name: string;
  url: string;
  /** connectionData's instanceId: the organization's identity (null for rows from before it was kept). */
  instanceId: string | null;
  timeZone: string;
  personalAccessToken: string;
  /** The basic-auth password Azure DevOps sends with service-hook deliveries for this organization. */
  hookSecret: string;
}

/** What may be shown about an organization: never a credential. */
export interface OrganizationSummary {
  name: string;
  url: string;
  instanceId: string | null;
  timeZone: string;
  connectedAt: string;
}

export interface OrganizationStore {
  /** Adds or reconnects an organization; secrets are sealed before they reach the database. */
  connect(organization: OrganizationCredentials): Promise<void>;
  disconnect(name: string): Promise<boolean>;
  credentials(name: string): Promise<OrganizationCredentials | undefined>;
  list(): Promise<OrganizationSummary[]>;
  /** The instance id stored under the name, connected or not (undefined: never stored). */
  instanceOf(name: string): Promise<string | null | undefined>;
  /** The connected organization with this instance id, whatever its name. */
  findByInstance(instanceId: string): Promise<OrganizationSummary | undefined>;
  saveHookSubscriptions(
    name: string,
    subscriptions: readonly { id: string; eventType: string }[],
  ): Promise<void>;
  hookSubscriptions(name: string): Promise<{ id: string; eventType: string }[]>;
  forgetHookSubscriptions(name: string): Promise<void>;
  /** Records a service-hook event id; false when it was already seen within `windowMs` (a replay). */
  firstDelivery(name: string, eventId: string, receivedAt: number, windowMs: number): Promise<boolean>;
  /** Deletes all of the organization's data in every table, except the audit entries named. */
  purge(name: string, keepAuditIds?: readonly number[]): Promise<void>;
}

export interface JobClaim {
  organization: string;
  /** Streams asked for by hooks since the last run; 'all' for a full (periodic) run. */
  requestedStreams: readonly string[] | 'all';
  attempts: number;
  /** Identifies the requests this run answers; a request arriving during the run makes the job due again. */
  requestSequence: number;
}

/**
 * Sync jobs, one per organization, claimed through the database so several service instances can share
 * one PostgreSQL. A claim is a lease: the owner renews it while working; a lease that expires (its owner
 * died) lets another instance take the job over.
 */
export interface SyncJobQueue {
  /** Makes sure the organization has a job, due now unless it already has one. */
  ensure(organization: string, now: number): Promise<void>;
  /** Brings the job forward to `now` for these streams (hooks), or for all of them. */
  request(organization: string, streams: readonly string[] | 'all', now: number): Promise<void>;
  claim(owner: string, now: number, leaseMs: number): Promise<JobClaim | undefined>;
  renew(organization: string, owner: string, now: number, leaseMs: number): Promise<boolean>;
  /**
   * Ends a run. `nextDueAt` is the next periodic full run, taken only when this run was a full one: a
   * hook-triggered run never postpones it. `retry` brings back the streams that failed, after a back-off,
   * without holding back the others' schedules.
   */
  complete(
    claim: JobClaim,
    owner: string,
    nextDueAt: number,
    now: number,
    retry?: { streams: readonly string[]; at: number; error: string },
  ): Promise<void>;
  fail(organization: string, owner: string, error: string, nextDueAt: number): Promise<void>;
  remove(organization: string): Promise<void>;
  describe(organization: string): Promise<JobState | undefined>;
}

export interface JobState {
  dueAt: number;
  requestedStreams: readonly string[] | 'all';
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  attempts: number;
  lastError: string | null;
  lastFinishedAt: number | null;
  /** When the next periodic full run is due (hook runs never move it). */
  fullDueAt?: number | null;
  /** After failures: no run (hook-triggered either) starts before this. */
  backoffUntil?: number | null;
}

export type StreamPhase = 'queued' | 'collecting' | 'done' | 'failed' | 'needs_scope';

export interface StreamStatus {
  organization: string;
  stream: string;
  phase: StreamPhase;
  pages: number;
  items: number;
  requests: number;
  /** 0..1 when it can be estimated (time covered ÷ time to cover), else null. */
  progress: number | null;
  startedAt: number | null;
  updatedAt: number;
  estimatedSecondsLeft: number | null;
  rateLimit: {
    remaining: number | null;
    limit: number | null;
    blockedUntil: number | null;
    throttledResponses: number;
    /** Seconds this run waited for the organization's budget (wall time, not summed over waiters). */
    pacedSeconds: number;
  } | null;
  lastError: string | null;
  /** Why the stream is not syncing normally, as a code and parameters (sync/problems.ts renders English). */
  problem?: { code: string; params: Record<string, string> } | null;
  /** While the stream's requests wait for the rate limit right now: when they start again. */
  resumesAt?: number | null;
  /** When the stream last ended a run successfully (kept across runs by the store). */
  lastSucceededAt?: number | null;
}

export interface StreamStatusStore {
  save(status: StreamStatus): Promise<void>;
  list(organization: string): Promise<StreamStatus[]>;
}
