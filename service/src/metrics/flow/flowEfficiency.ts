/**
 * Flow efficiency (metric definitions § Flow metrics) = time in active states ÷ (time in active +
 * waiting states), for items completed in a range, over each item's start → completion. A state the
 * team lists as waiting counts as waiting (whatever its category); other InProgress/Resolved states are
 * active; time in any other state between start and completion (e.g. moved back to Proposed) counts in
 * neither. State names compare case-insensitively.
 */
import { completedInRange } from './cycleTime.ts';
import type { PreparedFlow } from './prepare.ts';
import type { FlowSnapshot } from './snapshot.ts';
import { isStartedCode } from './workflow.ts';

export interface ItemEfficiency {
  id: number;
  activeMs: number;
  waitingMs: number;
  /** active ÷ (active + waiting); null when both are zero. */
  efficiency: number | null;
}

export interface FlowEfficiency {
  /** Σ active ÷ Σ (active + waiting) over the items; null when nothing was measured. */
  efficiency: number | null;
  activeMs: number;
  waitingMs: number;
  items: ItemEfficiency[];
}

function ratio(active: number, waiting: number): number | null {
  return active + waiting > 0 ? active / (active + waiting) : null;
}

export function flowEfficiency(
  flow: PreparedFlow,
  snapshot: FlowSnapshot,
  firstDay: number,
  lastDay: number,
  waitingStates: readonly string[],
): FlowEfficiency {
  const waitingNames = new Set(waitingStates.map((name) => name.toLowerCase()));
  const isWaiting = flow.stateNames.map((name) => waitingNames.has(name.toLowerCase()));
  const { offsets, times, codes, stateIds } = flow.states;
  const items: ItemEfficiency[] = [];
  let activeTotal = 0;
  let waitingTotal = 0;
  for (const item of completedInRange(snapshot, firstDay, lastDay)) {
    const start = snapshot.startedAt[item] ?? Number.NaN;
    const end = snapshot.completedAt[item] ?? Number.NaN;
    const record = flow.records[item];
    if (Number.isNaN(start) || record === undefined) continue;
    let active = 0;
    let waiting = 0;
    const last = offsets[item + 1] ?? 0;
    for (let i = offsets[item] ?? 0; i < last; i++) {
      const from = Math.max(times[i] ?? 0, start);
      const to = Math.min(i + 1 < last ? (times[i + 1] ?? 0) : end, end);
      if (to <= from) continue;
      if (isWaiting[stateIds[i] ?? -1]) waiting += to - from;
      else if (isStartedCode(codes[i] ?? -1)) active += to - from;
    }
    activeTotal += active;
    waitingTotal += waiting;
    items.push({ id: record.id, activeMs: active, waitingMs: waiting, efficiency: ratio(active, waiting) });
  }
  return {
    efficiency: ratio(activeTotal, waitingTotal),
    activeMs: activeTotal,
    waitingMs: waitingTotal,
    items,
  };
}
