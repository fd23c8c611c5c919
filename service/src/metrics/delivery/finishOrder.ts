import { ScratchSpace } from './scratch.ts';

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stable order by (finish, id), with a comparator: the general case, NaN finish times included. */
function comparatorOrder(finish: Float64Array, idOf: (k: number) => string): Int32Array {
  const order = Array.from({ length: finish.length }, (_, k) => k);
  order.sort((a, b) => (finish[a] ?? 0) - (finish[b] ?? 0) || compareIds(idOf(a), idOf(b)));
  return Int32Array.from(order);
}

/**
 * Whether positions 0 … n - 1 are in (finish, id) order already: the stored linked input keeps its
 * deployments so (sync/normalise/delivery/linkedInputs.ts), and checking costs one pass.
 */
function inFinishOrder(finish: Float64Array, idOf: (k: number) => string): boolean {
  for (let k = 1; k < finish.length; k++) {
    const previous = finish[k - 1] ?? 0;
    const current = finish[k] ?? 0;
    if (previous > current || (previous === current && compareIds(idOf(k - 1), idOf(k)) > 0)) return false;
  }
  return true;
}

/** Working memory of finishOrder, reused from call to call (see scratch.ts). */
const SPACE = { sorted: new ScratchSpace(), placed: new ScratchSpace(), order: new ScratchSpace() };

/**
 * Positions 0 … n - 1 in the stable order of (finish time, then id), as a stable sort with that
 * comparator would leave them. The finish times are sorted natively (no comparator call per
 * comparison), each position is placed at its time's rank, and only runs of equal times are
 * ordered by id. NaN times (which the comparator cannot order consistently) use the comparator.
 * The order is valid until the next call (it lives in reused memory).
 */
export function finishOrder(finish: Float64Array, idOf: (k: number) => string): Int32Array {
  const n = finish.length;
  for (let k = 0; k < n; k++) if (Number.isNaN(finish[k])) return comparatorOrder(finish, idOf);
  if (inFinishOrder(finish, idOf)) {
    const identity = SPACE.order.int32(n);
    for (let k = 0; k < n; k++) identity[k] = k;
    return identity;
  }
  const sorted = SPACE.sorted.float64(n);
  sorted.set(finish);
  sorted.sort();
  // placed[r]: positions already placed at rank r (the first index of their time in `sorted`).
  const placed = SPACE.placed.int32(n);
  const order = SPACE.order.int32(n);
  for (let k = 0; k < n; k++) {
    // lowerBound, inlined: a call per element would box each time in code not yet optimised.
    const value = finish[k] ?? 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    const rank = lo;
    const slot = rank + (placed[rank] ?? 0);
    placed[rank] = (placed[rank] ?? 0) + 1;
    order[slot] = k;
  }
  // Equal times: by id, then (stable) by position.
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && sorted[to] === sorted[from]) to++;
    if (to - from > 1) {
      const run = Array.from(order.subarray(from, to));
      run.sort((a, b) => compareIds(idOf(a), idOf(b)) || a - b);
      order.set(run, from);
    }
    from = to;
  }
  return order;
}
