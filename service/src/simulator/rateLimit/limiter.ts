import type { LocationKey } from '../locations.ts';
import { COST_PER_ITEM, DEFAULT_COSTS } from './costs.ts';

export interface RateLimitOptions {
  /** Off: no headers, no delays, no 429. */
  readonly enabled?: boolean;
  /** TSTUs allowed in the window before delays start (the service's global limit is 200). */
  readonly limit?: number;
  readonly windowMs?: number;
  /** Usage (as a share of the limit) from which the X-RateLimit headers are sent. */
  readonly warnRatio?: number;
  /** Usage (as a share of the limit) beyond which requests are refused with 429. */
  readonly blockRatio?: number;
  /** The longest delay, reached just before blocking ("up to 30 seconds"). */
  readonly maxDelayMs?: number;
  /** Per-resource cost overrides, in TSTUs. */
  readonly costs?: Partial<Record<LocationKey, number>>;
  readonly costPerItem?: number;
}

export interface Charge {
  readonly headers: Record<string, string>;
  readonly delayMs: number;
}

/** The resource name in X-RateLimit-Resource and the TF400733 message (meant for humans). */
export const RATE_LIMIT_RESOURCE = 'TSTU:Global';

interface Usage {
  readonly times: number[];
  readonly costs: number[];
  total: number;
}

/**
 * Throughput units per identity over a sliding window. Usage below the limit is free (headers once it
 * passes the warning share); above it each request is delayed in proportion to the excess; past the
 * block share requests are refused with 429 until usage falls back under the limit.
 */
export class TstuLimiter {
  private options: Required<Omit<RateLimitOptions, 'costs'>> & {
    costs: Partial<Record<LocationKey, number>>;
  };
  private readonly usage = new Map<string, Usage>();
  private chargedTotal = 0;
  private delayedTotal = 0;

  constructor(
    options: RateLimitOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = TstuLimiter.resolve(options);
  }

  static resolve(options: RateLimitOptions) {
    return {
      enabled: options.enabled ?? true,
      limit: options.limit ?? 200,
      windowMs: options.windowMs ?? 300_000,
      warnRatio: options.warnRatio ?? 0.8,
      blockRatio: options.blockRatio ?? 1.5,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      costs: options.costs ?? {},
      costPerItem: options.costPerItem ?? COST_PER_ITEM,
    };
  }

  configure(options: RateLimitOptions): void {
    this.options = TstuLimiter.resolve(options);
  }

  get settings() {
    return this.options;
  }

  reset(): void {
    this.usage.clear();
  }

  /** Everything charged since start, for benchmarks (reset() does not clear it). */
  get charged(): number {
    return this.chargedTotal;
  }

  /** Answers held back by a delay since start (reset() does not clear it). */
  get delayed(): number {
    return this.delayedTotal;
  }

  cost(location: LocationKey, items: number): number {
    return (this.options.costs[location] ?? DEFAULT_COSTS[location]) + items * this.options.costPerItem;
  }

  /** Current usage of an identity (old entries fall out of the window). */
  current(identity: string): number {
    const usage = this.usage.get(identity);
    if (!usage) return 0;
    const horizon = this.clock() - this.options.windowMs;
    while (usage.times.length > 0 && (usage.times[0] ?? 0) <= horizon) {
      usage.times.shift();
      usage.total -= usage.costs.shift() ?? 0;
    }
    if (usage.times.length === 0) usage.total = 0;
    return usage.total;
  }

  /** Seconds until the usage would be back under the limit, when the identity is blocked; else undefined. */
  blocked(identity: string): number | undefined {
    const { enabled, limit, blockRatio, windowMs } = this.options;
    if (!enabled) return undefined;
    const total = this.current(identity);
    if (total <= limit * blockRatio) return undefined;
    const usage = this.usage.get(identity);
    let remaining = total;
    let until = this.clock();
    for (const [index, time] of (usage?.times ?? []).entries()) {
      if (remaining <= limit) break;
      remaining -= usage?.costs[index] ?? 0;
      until = time + windowMs;
    }
    return Math.max(1, Math.ceil((until - this.clock()) / 1000));
  }

  /** Records a served request and returns the headers to send and how long to hold the answer. */
  charge(identity: string, cost: number): Charge {
    const { enabled, limit, warnRatio, blockRatio, maxDelayMs, windowMs } = this.options;
    if (!enabled) return { headers: {}, delayMs: 0 };
    const now = this.clock();
    this.chargedTotal += cost;
    this.current(identity);
    const usage = this.usage.get(identity) ?? { times: [], costs: [], total: 0 };
    usage.times.push(now);
    usage.costs.push(cost);
    usage.total += cost;
    this.usage.set(identity, usage);
    if (usage.total < limit * warnRatio) return { headers: {}, delayMs: 0 };
    const headers: Record<string, string> = {
      'X-RateLimit-Resource': RATE_LIMIT_RESOURCE,
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, Math.floor(limit - usage.total))),
      'X-RateLimit-Reset': String(Math.ceil((now + windowMs) / 1000)),
    };
    if (usage.total <= limit) return { headers, delayMs: 0 };
    const excess = (usage.total - limit) / (limit * (blockRatio - 1));
    const delayMs = Math.min(maxDelayMs, Math.round(excess * maxDelayMs));
    if (delayMs > 0) this.delayedTotal += 1;
    headers['X-RateLimit-Remaining'] = '0';
    headers['X-RateLimit-Delay'] = (delayMs / 1000).toFixed(3);
    return { headers, delayMs };
  }
}
