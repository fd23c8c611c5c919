/** Timing helpers for the flow benchmarks. */

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** Median wall time in ms of `runs` runs after `warmups` unmeasured ones. */
export function medianMs(work: () => unknown, runs = 5, warmups = 2): number {
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
}

export function printRows(rows: readonly BenchRow[]): void {
  console.table(rows.map((row) => ({ ...row, target: row.target ?? '' })));
}
