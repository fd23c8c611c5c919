/**
 * Simulated time. It starts at the end of the generated history and only moves forward: by the
 * control endpoint, by `advanceClock`, or (realtime mode, for the demo) with the wall clock times a
 * speed factor. Moving it lets the organization live on (see life/).
 */
export class SimulatedClock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock to `time`; earlier times are ignored (time never goes back). */
  moveTo(time: number): void {
    if (time > this.current) this.current = time;
  }
}
