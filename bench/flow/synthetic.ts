/** Synthetic FlowItems for the benchmarks: a seeded random walk through a realistic workflow. */
import type { FlowItem, StateTransitionRecord } from '../../service/src/domain/records.ts';
import type { StateCategory, WorkflowStateMap } from '../../service/src/domain/workflow.ts';
import { createRandom } from '../../service/src/metrics/forecast/random.ts';

const STATES: readonly (readonly [string, StateCategory])[] = [
  ['New', 'Proposed'],
  ['Ready', 'Proposed'],
  ['Active', 'InProgress'],
  ['Blocked', 'InProgress'],
  ['Review', 'InProgress'],
  ['Resolved', 'Resolved'],
  ['Closed', 'Completed'],
  ['Removed', 'Removed'],
];

export const syntheticWorkflow: WorkflowStateMap = new Map(
  ['User Story', 'Bug'].map((type) => [type, new Map(STATES)] as const),
);

export const SYNTHETIC_TEAM_AREA = 'Fabrikam\\Web';
const DAY = 86_400_000;
const FLOW = ['New', 'Ready', 'Active', 'Blocked', 'Review', 'Resolved', 'Closed'] as const;

/**
 * `itemCount` items created over `spanDays` days ending at `end`, about `transitionsPerItem`
 * transitions each (forward-biased walk with back moves, reopenings and a few removals).
 */
export function syntheticFlowItems(
  itemCount: number,
  transitionsPerItem = 10,
  spanDays = 730,
  end = Date.UTC(2026, 2, 31),
  seed = 42,
): FlowItem[] {
  const random = createRandom(seed);
  const items: FlowItem[] = [];
  for (let id = 1; id <= itemCount; id++) {
    const type = random() < 0.7 ? 'User Story' : 'Bug';
    let at = end - spanDays * DAY + Math.floor(random() * spanDays * DAY);
    const transitions: StateTransitionRecord[] = [];
    let position = 0;
    let state: string = 'New';
    const steps = Math.max(1, Math.round(transitionsPerItem * (0.5 + random())));
    for (let step = 0; step < steps && at < end; step++) {
      transitions.push({
        workItemId: id,
        revision: step + 1,
        at,
        fromState: step === 0 ? null : (transitions[step - 1]?.toState ?? null),
        toState: state,
        workItemType: type,
        provenance: { rawPageId: 1 },
      });
      at += Math.floor(random() * 3 * DAY);
      const roll = random();
      if (roll < 0.01) state = 'Removed';
      else {
        position = roll < 0.2 ? Math.max(0, position - 1) : Math.min(FLOW.length - 1, position + 1);
        if (position === FLOW.length - 1 && random() < 0.3) position = 2; // reopened
        state = FLOW[position] ?? 'New';
      }
    }
    const first = transitions[0];
    const last = transitions[transitions.length - 1];
    if (!first || !last) continue;
    items.push({
      item: {
        id,
        project: 'Fabrikam',
        workItemType: type,
        title: `Synthetic ${id}`,
        areaPath: random() < 0.9 ? `${SYNTHETIC_TEAM_AREA}\\Area${id % 5}` : 'Fabrikam\\Other',
        tags: random() < 0.2 ? ['incident'] : [],
        state: last.toState,
        createdAt: first.at,
        changedAt: last.at,
        revision: transitions.length,
        isDeleted: random() < 0.005,
        provenance: { rawPageId: 1 },
      },
      transitions,
    });
  }
  return items;
}

export function transitionCount(items: readonly FlowItem[]): number {
  return items.reduce((sum, item) => sum + item.transitions.length, 0);
}
