import { randomUUID } from 'node:crypto';
import { AdoAuthenticationError, type AdoConnectionFactory } from '../ado/clients.ts';
import { RequestBudget, systemClock, type Clock } from '../ado/http/requestBudget.ts';
import type { Logger } from '../logger.ts';
import type { ProductionRule } from '../metrics/delivery/production.ts';
import type { DeliveryRepository, IncidentRule } from '../storage/delivery/repository.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import type { JobClaim, OrganizationStore, StreamStatusStore, SyncJobQueue } from '../storage/tenants.ts';
import { SyncStreamsFailedError, syncOrganization, type SyncReport } from './syncOrganization.ts';
import type { SyncSettings } from './syncSettings.ts';

export interface SyncWorkerOptions {
  repository: SeikaRepository;
  /** Builds, deployments and changes; without it the delivery streams are left out of full runs. */
  delivery?: DeliveryRepository;
  jobs: SyncJobQueue;
  organizations: OrganizationStore;
  statusStore: StreamStatusStore;
  createConnection: AdoConnectionFactory;
  logger: Logger;
  /** Unique per service instance; shows in the job's lease. */
  owner?: string;
  /** Time between full (reconciling) runs of an organization. */
  intervalMs: number;
  leaseMs?: number;
  pollMs?: number;
  clock?: Clock;
  maxPageSize?: number;
  /** Metadata refresh and delivery horizon (the environment's); the defaults without it. */
  settings?: Partial<SyncSettings>;
  /** Each project's production mark (saved delivery settings); the default /prod/i without it. */
  productionRule?: (organization: string, project: string) => Promise<ProductionRule>;
  /** Each project's incident rule (saved delivery settings); the default without it. */
  incidentRule?: (organization: string, project: string) => Promise<IncidentRule>;
  onReport?: (report: SyncReport) => void;
}

/** After refused credentials, wait long: retrying a bad PAT only counts against the organization. */
const AUTH_RETRY_MS = 60 * 60_000;
/**
 * Failures back off from 30 s, doubling per consecutive failure, up to this cap; hook-triggered runs
 * wait for the back-off too (the job queue holds them), so a flood of events cannot hammer a failing
 * organization.
 */
export const MAX_FAILURE_BACKOFF_MS = 30 * 60_000;

export function failureBackoffMs(attempts: number): number {
  return Math.min(MAX_FAILURE_BACKOFF_MS, 30_000 * 2 ** Math.min(10, Math.max(0, attempts - 1)));
}

/** The service is stopping: waits end at once and the run gives its job back. */
export class ShutdownError extends Error {
  constructor() {
    super('The service is stopping; the sync resumes from its watermarks after the restart');
    this.name = 'ShutdownError';
  }
}

/**
 * Claims due sync jobs from the database and runs them. Several instances can run workers against one
 * PostgreSQL: each job is leased to one of them, and the lease is renewed while the sync runs.
 */
export class SyncWorker {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly clock: Clock;
  private readonly budgets = new Map<string, RequestBudget>();
  private running = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: SyncWorkerOptions) {
    this.owner = options.owner ?? `seika-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.clock = options.clock ?? systemClock;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /**
   * Stops claiming and abandons every wait of the run in progress (rate-limit pacing, retry back-off), so
   * it ends within a request's time; resolves when it has. Watermarks move only after a stream's last
   * page, so an interrupted stream resumes from where its previous complete run left it.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    for (const budget of this.budgets.values()) budget.abandon(new ShutdownError());
    this.wake?.();
    await this.loop;
    // Abandoned budgets refuse every request: a restarted worker starts with fresh ones.
    this.budgets.clear();
    this.stopping = false;
  }

  /** Checks for due jobs now instead of at the next poll (a hook just arrived). */
  poke(): void {
    this.wake?.();
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      const worked = await this.runOnce().catch((error: unknown) => {
        this.options.logger.error('sync worker iteration failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        return false;
      });
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Claims and runs at most one due job; true when it ran one. */
  async runOnce(): Promise<boolean> {
    if (this.stopping) return false;
    const claim = await this.options.jobs.claim(this.owner, this.clock.now(), this.leaseMs);
    if (claim === undefined) return false;
    await this.runClaim(claim);
    return true;
  }

  private budgetOf(organization: string): RequestBudget {
    let budget = this.budgets.get(organization);
    if (budget === undefined) {
      budget = new RequestBudget({ clock: this.clock });
      this.budgets.set(organization, budget);
    }
    return budget;
  }

  private async runClaim(claim: JobClaim): Promise<void> {
    const { jobs, organizations, logger } = this.options;
    const heartbeat = setInterval(
      () => {
        void jobs.renew(claim.organization, this.owner, this.clock.now(), this.leaseMs).then((held) => {
          if (!held) logger.warn('lost the lease on a sync job', { organization: claim.organization });
        });
      },
      Math.max(1_000, this.leaseMs / 3),
    );
    try {
      const credentials = await organizations.credentials(claim.organization);
      if (credentials === undefined) {
        await jobs.remove(claim.organization);
        return;
      }
      const report = await syncOrganization({
        repository: this.options.repository,
        ...(this.options.delivery === undefined ? {} : { delivery: this.options.delivery }),
        createConnection: this.options.createConnection,
        connectionOptions: { budget: this.budgetOf(claim.organization), clock: this.clock },
        logger,
        statusStore: this.options.statusStore,
        streams: claim.requestedStreams,
        target: {
          organization: credentials.name,
          organizationUrl: credentials.url,
          personalAccessToken: credentials.personalAccessToken,
        },
        now: () => this.clock.now(),
        ...(this.options.maxPageSize === undefined ? {} : { maxPageSize: this.options.maxPageSize }),
        ...(this.options.productionRule === undefined ? {} : { productionRule: this.options.productionRule }),
        ...(this.options.incidentRule === undefined ? {} : { incidentRule: this.options.incidentRule }),
        ...(this.options.settings === undefined ? {} : { settings: this.options.settings }),
      });
      this.options.onReport?.(report);
      await jobs.complete(claim, this.owner, this.clock.now() + this.options.intervalMs, this.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = this.clock.now();
      if (this.stopping) {
        // Give the job back at once: another instance (or this one restarted) carries on.
        await jobs.fail(claim.organization, this.owner, new ShutdownError().message, now);
      } else if (error instanceof SyncStreamsFailedError) {
        // Only the failed streams back off; the others' schedules (the next full run) move on.
        const failed = error.report.streams.filter((stream) => stream.error !== null);
        await jobs.complete(claim, this.owner, now + this.options.intervalMs, now, {
          streams: failed.map((stream) => stream.stream),
          at: now + failureBackoffMs(claim.attempts),
          error: message,
        });
      } else {
        const retryIn =
          error instanceof AdoAuthenticationError ? AUTH_RETRY_MS : failureBackoffMs(claim.attempts);
        await jobs.fail(claim.organization, this.owner, message, now + retryIn);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
