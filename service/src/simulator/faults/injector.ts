import { createRandom } from '../model/random.ts';
import type { Random } from '../model/random.ts';
import type { FaultOptions, ScriptedFault } from './options.ts';

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'slow'; readonly bytesPerSecond: number };

export interface FaultStats {
  requests: number;
  faulted: Record<string, number>;
}

const DRAWS_PER_REQUEST = 6;

/** Decides, per request and deterministically, which fault (if any) it meets and how late it is. */
export class FaultInjector {
  private options: FaultOptions = {};
  private random: Random = createRandom(1);
  private throttleLeft = 0;
  private scripted: { fault: ScriptedFault; left: number }[] = [];
  readonly stats: FaultStats = { requests: 0, faulted: {} };

  constructor(options: FaultOptions = {}) {
    this.configure(options);
  }

  configure(options: FaultOptions): void {
    this.options = options;
    this.random = createRandom(options.seed ?? 1);
    this.throttleLeft = 0;
    this.scripted = (options.next ?? []).map((fault) => ({ fault, left: fault.count ?? 1 }));
  }

  get current(): FaultOptions {
    return this.options;
  }

  decide(path: string): { latencyMs: number; decision: FaultDecision } {
    this.stats.requests += 1;
    const chosen = this.choose(path);
    const { kind } = chosen.decision;
    if (kind !== 'none') this.stats.faulted[kind] = (this.stats.faulted[kind] ?? 0) + 1;
    return chosen;
  }

  private choose(path: string): { latencyMs: number; decision: FaultDecision } {
    const draws = Array.from({ length: DRAWS_PER_REQUEST }, () => this.random.next());
    const [jitter = 0, error = 1, throttle = 1, reset = 1, truncate = 1, slow = 1] = draws;
    const options = this.options;
    const latencyMs = (options.latency?.fixedMs ?? 0) + jitter * (options.latency?.jitterMs ?? 0);
    const result = (decision: FaultDecision) => ({ latencyMs, decision });
    const scripted = this.scripted.find(
      (entry) =>
        entry.left > 0 &&
        (entry.fault.pathPattern === undefined || new RegExp(entry.fault.pathPattern).test(path)),
    );
    if (scripted) {
      scripted.left -= 1;
      const { fault } = scripted;
      if (fault.kind === 'status') return result({ kind: 'status', status: fault.status ?? 503 });
      if (fault.kind === 'throttle')
        return result({ kind: 'throttle', retryAfterSeconds: fault.retryAfterSeconds ?? 1 });
      if (fault.kind === 'slow')
        return result({ kind: 'slow', bytesPerSecond: fault.bytesPerSecond ?? 1024 });
      return result({ kind: fault.kind });
    }
    if (options.pathPattern !== undefined && !new RegExp(options.pathPattern).test(path))
      return result({ kind: 'none' });
    if (this.throttleLeft > 0) {
      this.throttleLeft -= 1;
      return result({ kind: 'throttle', retryAfterSeconds: options.throttle?.retryAfterSeconds ?? 1 });
    }
    if (reset < (options.resetRate ?? 0)) return result({ kind: 'reset' });
    if (error < (options.errorRate ?? 0)) {
      const statuses = options.errorStatuses ?? [500, 502, 503];
      return result({ kind: 'status', status: statuses[Math.floor(error * 1e6) % statuses.length] ?? 500 });
    }
    if (throttle < (options.throttle?.rate ?? 0)) {
      this.throttleLeft = (options.throttle?.burst ?? 3) - 1;
      return result({ kind: 'throttle', retryAfterSeconds: options.throttle?.retryAfterSeconds ?? 1 });
    }
    if (truncate < (options.truncateRate ?? 0)) return result({ kind: 'truncate' });
    if (options.slowBody && slow < options.slowBody.rate)
      return result({ kind: 'slow', bytesPerSecond: options.slowBody.bytesPerSecond });
    return result({ kind: 'none' });
  }
}
