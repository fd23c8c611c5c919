import { randomUUID } from 'node:crypto';
import { AdoAuthenticationError, type AdoConnectionFactory } from '../ado/clients.ts';
import { RequestBudget, systemClock, type Clock } from '../ado/http/requestBudget.ts';
import type { Logger } from '../logger.ts';
import type { ProductionRule } from '../metrics/delivery/production.ts';
import type { DeliveryRepository } from '../storage/delivery/repository.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import type { JobClaim, OrganizationStore, StreamStatusStore, SyncJobQueue } from '../storage/tenants.ts';
import { syncOrganization, type SyncReport } from './syncOrganization.ts';

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
  /** Each project's production mark (saved delivery settings); the default /prod/i without it. */
  productionRule?: (organization: string, project: string) => Promise<ProductionRule>;
  onReport?: (report: SyncReport) => void;
}

/** After refused credentials, wait long: retrying a bad PAT only counts against the organization. */
const AUTH_RETRY_MS = 60 * 60_000;
const MAX_FAILURE_BACKOFF_MS = 30 * 60_000;

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

  /** Stops claiming; resolves when the run in progress (if any) has ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
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
      });
      this.options.onReport?.(report);
      await jobs.complete(claim, this.owner, this.clock.now() + this.options.intervalMs, this.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryIn =
        error instanceof AdoAuthenticationError
          ? AUTH_RETRY_MS
          : Math.min(MAX_FAILURE_BACKOFF_MS, 30_000 * 2 ** Math.min(10, claim.attempts - 1));
      await jobs.fail(claim.organization, this.owner, message, this.clock.now() + retryIn);
    } finally {
      clearInterval(heartbeat);
    }
  }
}
