/** The five state categories Azure DevOps processes map every state to. */
export const STATE_CATEGORIES = ['Proposed', 'InProgress', 'Resolved', 'Completed', 'Removed'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

export function isStateCategory(value: string): value is StateCategory {
  return (STATE_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Which category each state of each work item type belongs to, as the process defines it.
 * Keyed by work item type name, then state name.
 */
export type WorkflowStateMap = ReadonlyMap<string, ReadonlyMap<string, StateCategory>>;

export function categoryOf(
  workflow: WorkflowStateMap,
  workItemType: string,
  state: string,
): StateCategory | undefined {
  return workflow.get(workItemType)?.get(state);
}
