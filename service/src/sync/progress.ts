import type { RequestBudget } from '../ado/http/requestBudget.ts';
import type { StreamStatus, StreamStatusStore } from '../storage/tenants.ts';

/**
 * Tracks one stream's run for the sync-status API and the CLI. Progress is estimated from time: the
 * stream reads history from its oldest change to now, so the timestamp reached says how far it is.
 */
export class StreamProgress {
  private pages = 0;
  private items = 0;
  private oldestSeen: number | null = null;
  private progress: number | null = null;
  private readonly startedAt: number;
  /** The budget is the organization's and outlives runs: pacing is counted from this run's start. */
  private readonly waitedBefore: number;

  constructor(
    private readonly organization: string,
    private readonly stream: string,
    private readonly dependencies: {
      store: StreamStatusStore;
      budget: RequestBudget;
      requestCount: () => number;
      now: () => number;
      onUpdate?: (status: StreamStatus) => void;
    },
  ) {
    this.startedAt = dependencies.now();
    this.waitedBefore = dependencies.budget.state().waitedMs;
  }

  /** Records a stored page; `reachedAt` is the newest change time in it, when the stream knows it. */
  async page(itemCount: number, reachedAt?: number, oldestInPage?: number): Promise<void> {
    this.pages += 1;
    this.items += itemCount;
    if (oldestInPage !== undefined && this.oldestSeen === null) this.oldestSeen = oldestInPage;
    if (reachedAt !== undefined && this.oldestSeen !== null) {
      const span = this.dependencies.now() - this.oldestSeen;
      this.progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (reachedAt - this.oldestSeen) / span));
    }
    await this.save('collecting', null);
  }

  start(): Promise<void> {
    return this.save('collecting', null);
  }

  done(): Promise<void> {
    this.progress = 1;
    return this.save('done', null);
  }

  failed(error: string): Promise<void> {
    return this.save('failed', error);
  }

  private estimatedSecondsLeft(now: number): number | null {
    if (this.progress === null || this.progress <= 0) return null;
    const elapsed = (now - this.startedAt) / 1000;
    return Math.round((elapsed * (1 - this.progress)) / this.progress);
  }

  private async save(phase: StreamStatus['phase'], lastError: string | null): Promise<void> {
    const now = this.dependencies.now();
    const budget = this.dependencies.budget.state();
    const status: StreamStatus = {
      organization: this.organization,
      stream: this.stream,
      phase,
      pages: this.pages,
      items: this.items,
      requests: this.dependencies.requestCount(),
      progress: this.progress,
      startedAt: this.startedAt,
      updatedAt: now,
      estimatedSecondsLeft: phase === 'done' ? 0 : this.estimatedSecondsLeft(now),
      rateLimit: {
        remaining: budget.remaining,
        limit: budget.limit,
        blockedUntil: budget.blockedUntil,
        throttledResponses: budget.throttledResponses,
        pacedSeconds: Math.max(0, budget.waitedMs - this.waitedBefore) / 1000,
      },
      lastError,
    };
    await this.dependencies.store.save(status);
    this.dependencies.onUpdate?.(status);
  }
}
