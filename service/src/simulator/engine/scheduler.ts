/**
 * The simulation's single event queue. Every process of the living organization (work item flow,
 * repositories, pipelines, releases, incidents) schedules its next step here, and events run in
 * (time, scheduling order). Generating the history is running the queue up to `now`; moving the clock
 * is running it further — so the result does not depend on how the time was advanced.
 */
interface Entry {
  readonly time: number;
  readonly sequence: number;
  readonly run: () => void;
}

export class Scheduler {
  private readonly heap: Entry[] = [];
  private sequence = 0;
  private current = Number.NEGATIVE_INFINITY;

  /** Time of the event being run (or the last one run). */
  get now(): number {
    return this.current;
  }

  get pending(): number {
    return this.heap.length;
  }

  /** Schedules `run` at `time` (never before the event being run). */
  at(time: number, run: () => void): void {
    const entry = { time: Math.max(time, this.current), sequence: this.sequence++, run };
    const heap = this.heap;
    heap.push(entry);
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const up = heap[parent];
      if (!up || !before(entry, up)) break;
      heap[child] = up;
      child = parent;
    }
    heap[child] = entry;
  }

  /** Time of the next event, or +Infinity. */
  peek(): number {
    return this.heap[0]?.time ?? Number.POSITIVE_INFINITY;
  }

  /** Runs every event up to and including `time`. */
  runUntil(time: number): number {
    let ran = 0;
    for (let next = this.heap[0]; next && next.time <= time; next = this.heap[0]) {
      this.pop();
      this.current = next.time;
      next.run();
      ran += 1;
    }
    if (time > this.current) this.current = time;
    return ran;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const leftEntry = heap[left];
      const rightEntry = heap[right];
      let child = left;
      let childEntry = leftEntry;
      if (rightEntry && leftEntry && before(rightEntry, leftEntry)) {
        child = right;
        childEntry = rightEntry;
      }
      if (!childEntry || !before(childEntry, last)) break;
      heap[parent] = childEntry;
      parent = child;
    }
    heap[parent] = last;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.sequence < b.sequence);
}
