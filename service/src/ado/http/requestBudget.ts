import type { RateLimitInfo } from './rateLimit.ts';

export interface Clock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

export interface BudgetState {
  inFlight: number;
  limit: number | null;
  remaining: number | null;
  /** Epoch ms until which no request is sent (Retry-After), or null. */
  blockedUntil: number | null;
  /** Current spacing between request starts, ms (0 when the budget is healthy). */
  spacingMs: number;
  throttledResponses: number;
  lastResource: string | null;
}

export interface BudgetOptions {
  maxConcurrent?: number;
  /** Start spacing requests when remaining ÷ limit falls below this share. */
  slowDownBelow?: number;
  clock?: Clock;
}

/**
 * One organization's share of Azure DevOps: all its streams draw from it. Rate limits are per identity
 * across a sliding five minutes, so the budget slows down before delays begin (spreading what remains
 * until the reported reset) and stops entirely while a Retry-After is in force.
 */
export class RequestBudget {
  private readonly maxConcurrent: number;
  private readonly slowDownBelow: number;
  private readonly clock: Clock;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private limit: number | null = null;
  private remaining: number | null = null;
  private resetAt: number | null = null;
  private blockedUntil: number | null = null;
  private nextStartAt = 0;
  private throttled = 0;
  private lastResource: string | null = null;

  constructor(options: BudgetOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 4;
    this.slowDownBelow = options.slowDownBelow ?? 0.25;
    this.clock = options.clock ?? systemClock;
  }

  /** Waits for a slot and for any pause in force; call the returned function when the response is in. */
  async acquire(): Promise<() => void> {
    while (this.inFlight >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight += 1;
    try {
      for (;;) {
        const now = this.clock.now();
        const startAt = Math.max(this.blockedUntil ?? 0, this.nextStartAt);
        if (startAt <= now) break;
        await this.clock.sleep(startAt - now);
      }
      this.nextStartAt = this.clock.now() + this.spacing();
    } catch (error) {
      this.release();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  private release(): void {
    this.inFlight -= 1;
    this.waiting.shift()?.();
  }

  /** Feeds the headers of a response (or failure) back into the budget. */
  observe(info: RateLimitInfo | undefined, status?: number): void {
    const now = this.clock.now();
    if (status === 429) this.throttled += 1;
    if (info === undefined) return;
    if (info.resource !== undefined) this.lastResource = info.resource;
    if (info.limit !== undefined) this.limit = info.limit;
    if (info.remaining !== undefined) this.remaining = info.remaining;
    if (info.reset !== undefined) this.resetAt = info.reset * 1000;
    if (info.retryAfter !== undefined && info.retryAfter > 0) {
      this.blockedUntil = Math.max(this.blockedUntil ?? 0, now + info.retryAfter * 1000);
    }
  }

  /** Spread what remains of the budget evenly until the window resets, once below the threshold. */
  private spacing(): number {
    if (this.limit === null || this.remaining === null || this.limit <= 0) return 0;
    if (this.remaining / this.limit >= this.slowDownBelow) return 0;
    const windowLeft = this.resetAt === null ? 5 * 60_000 : Math.max(0, this.resetAt - this.clock.now());
    return Math.min(30_000, windowLeft / Math.max(1, this.remaining));
  }

  state(): BudgetState {
    const now = this.clock.now();
    return {
      inFlight: this.inFlight,
      limit: this.limit,
      remaining: this.remaining,
      blockedUntil: this.blockedUntil !== null && this.blockedUntil > now ? this.blockedUntil : null,
      spacingMs: this.spacing(),
      throttledResponses: this.throttled,
      lastResource: this.lastResource,
    };
  }
}
