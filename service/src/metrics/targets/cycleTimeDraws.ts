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
    if (this.sorted.length === 0) return undefined;
    return this.drawFrom(random, this.firstAbove(age), age);
  }

  /** Where draws for an item `age` days old start: hoisted out of trial loops (one search per item). */
  startFor(age: number): number {
    return this.firstAbove(age);
  }

  /** `draw` with the start from `startFor(age)`; the sampler must not be empty. */
  drawFrom(random: Random, start: number, age: number): number {
    const n = this.sorted.length;
    if (start < n) return this.sorted[start + randomIndex(random, n - start)] ?? age;
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
