import type { RateLimitInfo } from './rateLimit.ts';

export interface Clock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

/**
 * Which streams a request serves. Flow (work-item) requests take free slots before delivery requests,
 * and while the budget paces, delivery requests wait until no work-item stream is running: the first
 * flow answer never waits behind the delivery backfill.
 */
export type RequestLane = 'flow' | 'delivery';

export interface BudgetState {
  inFlight: number;
  limit: number | null;
  remaining: number | null;
  /** Epoch ms until which no request is sent (Retry-After), or null. */
  blockedUntil: number | null;
  /** How long a request starting now would wait, ms (0 when the budget is healthy). */
  waitMs: number;
  /** Wall time during which requests waited for the budget (pacing and Retry-After), ms. */
  waitedMs: number;
  /** While requests wait for the budget: the earliest time one of them starts; null when none waits. */
  resumesAt: number | null;
  /** TSTUs one request costs on average, estimated from the headers and our own request count. */
  costPerRequest: number | null;
  throttledResponses: number;
  lastResource: string | null;
}

export interface BudgetOptions {
  maxConcurrent?: number;
  /** Start pacing when remaining ÷ limit falls below this share. */
  slowDownBelow?: number;
  /** While pacing, keep this share of the limit unused (room for the identity's other work). */
  reserve?: number;
  /** The service's sliding window (Azure DevOps: five minutes). */
  windowMs?: number;
  clock?: Clock;
}

/**
 * One organization's share of Azure DevOps: all its streams draw from it. Rate limits are per identity
 * over a sliding five-minute window, and `X-RateLimit-Remaining` counts TSTUs, not requests. Once what
 * remains falls below the threshold, the budget estimates what one request costs (usage the headers
 * report ÷ our requests in the window) and lets a request start only when the usage it predicts from our
 * own requests stays under the limit less a reserve: it spends what the window gives back, so delays
 * never begin. A request counts from its start and leaves the window five minutes after its answer came
 * (the service charged it before answering), so slow answers never make the prediction too low. It stops entirely while a
 * Retry-After is in force. A successful answer without rate-limit headers means usage is below the level
 * where Azure DevOps sends them, and the budget runs freely again.
 */
export class RequestBudget {
  private readonly maxConcurrent: number;
  private readonly slowDownBelow: number;
  private readonly reserve: number;
  private readonly windowMs: number;
  private readonly clock: Clock;
  private inFlight = 0;
  private readonly waiting: Record<RequestLane, (() => void)[]> = { flow: [], delivery: [] };
  /** Work-item streams running now; while any runs and the budget paces, delivery requests wait. */
  private flowStreams = 0;
  private readonly flowIdleWaiters = new Set<() => void>();
  /** Requests started and not answered yet: all of them count against the window. */
  private running = 0;
  /** Answer times of our requests, oldest first; those before `firstInWindow` have left the window. */
  private ends: number[] = [];
  private firstInWindow = 0;
  private limit: number | null = null;
  private remaining: number | null = null;
  private resetAt: number | null = null;
  private costPerRequest: number | null = null;
  private blockedUntil: number | null = null;
  private throttled = 0;
  /** Wall time with at least one request waiting, up to `waitingSince` (concurrent waits count once). */
  private waited = 0;
  private waitingSince: number | null = null;
  /** Planned start of each request now waiting for the budget. */
  private readonly pausedUntil = new Set<{ until: number }>();
  private readonly pauseListeners = new Set<(resumesAt: number) => void>();
  private abandoned: Error | undefined;
  private readonly abandonWaiters = new Set<(error: Error) => void>();
  private lastResource: string | null = null;

  constructor(options: BudgetOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 4;
    this.slowDownBelow = options.slowDownBelow ?? 0.25;
    this.reserve = options.reserve ?? 0.05;
    this.windowMs = options.windowMs ?? 5 * 60_000;
    this.clock = options.clock ?? systemClock;
  }

  /** A work-item stream begins; call the returned function when it ends. */
  flowStreamStarted(): () => void {
    this.flowStreams += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.flowStreams -= 1;
      if (this.flowStreams === 0) for (const wake of [...this.flowIdleWaiters]) wake();
    };
  }

  /**
   * Waits for a slot and for any pause in force; call the returned function when the response is in.
   * Flow requests are served first (see `RequestLane`).
   */
  async acquire(lane: RequestLane = 'flow'): Promise<() => void> {
    // A scarce budget goes to the work-item streams first: delivery waits without holding a slot.
    while (lane === 'delivery' && this.flowStreams > 0 && this.pacing(this.clock.now())) {
      if (this.abandoned !== undefined) throw this.abandoned;
      await this.untilFlowIdle();
    }
    while (this.inFlight >= this.maxConcurrent) {
      if (this.abandoned !== undefined) throw this.abandoned;
      await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    }
    this.inFlight += 1;
    try {
      for (;;) {
        if (this.abandoned !== undefined) throw this.abandoned;
        const now = this.clock.now();
        const startAt = Math.max(this.blockedUntil ?? 0, now + this.waitFor(now));
        if (startAt <= now) break;
        await this.pause(now, startAt);
      }
      this.running += 1;
    } catch (error) {
      this.release();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.ends.push(this.clock.now());
      this.release();
    };
  }

  /** Sleeps until `until`, counted once in the wall time waited however many requests wait together. */
  private async pause(now: number, until: number): Promise<void> {
    const entry = { until };
    if (this.pausedUntil.size === 0) this.waitingSince = now;
    this.pausedUntil.add(entry);
    for (const listener of this.pauseListeners) listener(this.resumesAt() ?? until);
    try {
      await this.sleep(until - now);
    } finally {
      this.pausedUntil.delete(entry);
      if (this.pausedUntil.size === 0 && this.waitingSince !== null) {
        this.waited += Math.max(0, this.clock.now() - this.waitingSince);
        this.waitingSince = null;
      }
    }
  }

  private resumesAt(): number | null {
    let earliest: number | null = null;
    for (const { until } of this.pausedUntil)
      earliest = earliest === null ? until : Math.min(earliest, until);
    return earliest;
  }

  /** Calls `listener` whenever a request starts waiting for the budget; returns the unsubscribe. */
  onPause(listener: (resumesAt: number) => void): () => void {
    this.pauseListeners.add(listener);
    return () => this.pauseListeners.delete(listener);
  }

  /** Sleeps like the clock, but ends at once (throwing) when the budget is abandoned: retry back-offs. */
  async sleep(milliseconds: number): Promise<void> {
    if (this.abandoned !== undefined) throw this.abandoned;
    let stop: ((error: Error) => void) | undefined;
    try {
      await Promise.race([
        this.clock.sleep(milliseconds),
        new Promise<never>((_resolve, reject) => {
          stop = reject;
          this.abandonWaiters.add(reject);
        }),
      ]);
    } finally {
      if (stop !== undefined) this.abandonWaiters.delete(stop);
    }
  }

  /**
   * Shutdown: every wait in progress and every later acquire fails with `error` at once, so streams end
   * without sending more requests (their watermarks stay where the last complete run left them).
   */
  abandon(error: Error): void {
    this.abandoned = error;
    for (const reject of this.abandonWaiters) reject(error);
    this.abandonWaiters.clear();
    for (const wake of [...this.waiting.flow.splice(0), ...this.waiting.delivery.splice(0)]) wake();
    for (const wake of [...this.flowIdleWaiters]) wake();
  }

  private release(): void {
    this.inFlight -= 1;
    (this.waiting.flow.shift() ?? this.waiting.delivery.shift())?.();
  }

  /** Resolves when no work-item stream runs any more, or the budget is abandoned. */
  private async untilFlowIdle(): Promise<void> {
    let wake: (() => void) | undefined;
    try {
      await new Promise<void>((resolve) => {
        wake = resolve;
        this.flowIdleWaiters.add(resolve);
      });
    } finally {
      if (wake !== undefined) this.flowIdleWaiters.delete(wake);
    }
  }

  /**
   * Feeds a response (or failure) back into the budget. `info` undefined with a 2xx status means the
   * answer carried no rate-limit headers; with no status it means nothing is known.
   */
  observe(info: RateLimitInfo | undefined, status?: number): void {
    const now = this.clock.now();
    if (status === 429) this.throttled += 1;
    if (info === undefined) {
      if (status !== undefined && status >= 200 && status < 300) this.remaining = null;
      return;
    }
    if (info.resource !== undefined) this.lastResource = info.resource;
    if (info.limit !== undefined) this.limit = info.limit;
    if (info.remaining !== undefined) {
      this.remaining = info.remaining;
      this.estimateCost(now);
    }
    if (info.reset !== undefined) this.resetAt = info.reset * 1000;
    if (info.retryAfter !== undefined && info.retryAfter > 0) {
      this.blockedUntil = Math.max(this.blockedUntil ?? 0, now + info.retryAfter * 1000);
    }
  }

  /** Usage the service reports ÷ requests we started in its window; others on the identity only raise it. */
  private estimateCost(now: number): void {
    if (this.limit === null || this.remaining === null) return;
    const requests = this.requestsInWindow(now);
    if (requests === 0) return;
    const cost = Math.max(0, this.limit - this.remaining) / requests;
    // At zero remaining the usage is only known to be at least the limit: the estimate can only rise.
    this.costPerRequest = this.remaining <= 0 ? Math.max(this.costPerRequest ?? 0, cost) : cost;
  }

  private requestsInWindow(now: number): number {
    const horizon = now - this.windowMs;
    while (this.firstInWindow < this.ends.length && (this.ends[this.firstInWindow] ?? now) <= horizon) {
      this.firstInWindow += 1;
    }
    // Compact now and then rather than shifting on every request.
    if (this.firstInWindow > 1024 && this.firstInWindow * 2 > this.ends.length) {
      this.ends = this.ends.slice(this.firstInWindow);
      this.firstInWindow = 0;
    }
    return this.running + this.ends.length - this.firstInWindow;
  }

  private pacing(now: number): boolean {
    if (this.limit === null || this.remaining === null || this.limit <= 0) return false;
    if (this.resetAt !== null && this.resetAt <= now) return false;
    return this.remaining / this.limit < this.slowDownBelow;
  }

  /**
   * How long the next request must wait: zero unless pacing; then until enough of our answered requests
   * have left the window that one more keeps the predicted usage within the limit less the reserve.
   */
  private waitFor(now: number): number {
    if (!this.pacing(now) || this.limit === null) return 0;
    const inWindow = this.requestsInWindow(now);
    const cost = this.costPerRequest ?? this.limit / Math.max(1, inWindow);
    const allowed = Math.max(1, Math.floor((this.limit * (1 - this.reserve)) / Math.max(cost, 1e-9)));
    if (inWindow < allowed) return 0;
    const mustLeave = inWindow - allowed + 1;
    // Requests still running leave only a window after their answer: look again a window from now.
    if (mustLeave > inWindow - this.running) return this.windowMs;
    const leaving = this.ends[this.firstInWindow + mustLeave - 1] ?? now;
    return Math.max(0, leaving + this.windowMs - now);
  }

  state(): BudgetState {
    const now = this.clock.now();
    return {
      inFlight: this.inFlight,
      limit: this.limit,
      remaining: this.remaining,
      blockedUntil: this.blockedUntil !== null && this.blockedUntil > now ? this.blockedUntil : null,
      waitMs: Math.max(0, (this.blockedUntil ?? 0) - now, this.waitFor(now)),
      waitedMs: this.waited + (this.waitingSince === null ? 0 : Math.max(0, now - this.waitingSince)),
      resumesAt: this.resumesAt(),
      costPerRequest: this.costPerRequest,
      throttledResponses: this.throttled,
      lastResource: this.lastResource,
    };
  }
}
