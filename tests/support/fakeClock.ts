import type { Clock } from '../../service/src/ado/http/requestBudget.ts';

/** A clock whose sleeps advance time instantly and are recorded, for timing logic without waiting. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current = 1_800_000_000_000) {}
  now(): number {
    return this.current;
  }
  async sleep(milliseconds: number): Promise<void> {
    this.sleeps.push(milliseconds);
    this.current += milliseconds;
  }
  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
