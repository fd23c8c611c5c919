/** The service's global limit: 200 TSTUs in any sliding five minutes. */
export const BUDGET_TSTUS = 200;
export const WINDOW_MS = 300_000;

export interface PacedFloorOptions {
  /** The least time one answer takes (the simulated latency). */
  latencyMs: number;
  limit?: number;
  windowMs?: number;
}

/**
 * The least time in which any client can send requests costing `costs` TSTUs, in this order and one after
 * another (a continuation-token stream cannot do otherwise), when each answer takes at least `latencyMs`
 * and the usage in any sliding window stays within the limit, so that no delay ever begins. Greedy: each
 * request starts as soon as the previous answer is in and the window has room for it; an earlier start
 * only frees the window earlier, so no schedule is faster. A first answer compared with this floor is
 * compared with what the rate limit allows, not with what the sync happens to do.
 */
export function pacedFloorSeconds(costs: readonly number[], options: PacedFloorOptions): number {
  const limit = options.limit ?? BUDGET_TSTUS;
  const windowMs = options.windowMs ?? WINDOW_MS;
  const sent: { at: number; cost: number }[] = [];
  let oldest = 0;
  let usage = 0;
  /** Requests sent at or before `time` − window have left it. */
  const leaveUntil = (time: number): void => {
    for (let entry = sent[oldest]; entry !== undefined && entry.at <= time - windowMs; entry = sent[oldest]) {
      usage -= entry.cost;
      oldest += 1;
    }
  };
  let free = 0;
  for (const cost of costs) {
    let start = free;
    leaveUntil(start);
    for (let entry = sent[oldest]; entry !== undefined && usage + cost > limit; entry = sent[oldest]) {
      start = Math.max(start, entry.at + windowMs);
      leaveUntil(start);
    }
    sent.push({ at: start, cost });
    usage += cost;
    free = start + options.latencyMs;
  }
  return free / 1000;
}
