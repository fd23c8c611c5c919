/**
 * Draws of an item's cycle time from the team's own completed items, conditioned on what is known:
 * an item already `age` days old will take longer than `age` (the conditional form of ActionableAgile's
 * pace). An item older than every past item gets its age plus an unconditioned draw (a pessimistic
 * assumption, said in the method text).
 */
import type { Random } from '../forecast/random.ts';
import { randomIndex } from '../forecast/random.ts';

export class CycleTimeSampler {
  private readonly sorted: Float64Array;

  constructor(cycleTimesDays: ArrayLike<number>) {
    this.sorted = Float64Array.from(cycleTimesDays).sort();
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Index of the first cycle time strictly greater than `age`. */
  private firstAbove(age: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] ?? 0) > age) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** A total cycle time (days) for an item `age` days old; undefined without history. */
  draw(random: Random, age: number): number | undefined {
    const n = this.sorted.length;
    if (n === 0) return undefined;
    const first = this.firstAbove(age);
    if (first < n) return this.sorted[first + randomIndex(random, n - first)];
    return age + (this.sorted[randomIndex(random, n)] ?? 0);
  }

  /** P(cycle time ≤ age + days | cycle time > age), exactly from the history (no sampling). */
  finishWithin(age: number, days: number): number | undefined {
    const n = this.sorted.length;
    if (n === 0) return undefined;
    const first = this.firstAbove(age);
    if (first >= n) return this.firstAbove(days) / n;
    const within = this.firstAbove(age + days) - first;
    return within / (n - first);
  }
}
