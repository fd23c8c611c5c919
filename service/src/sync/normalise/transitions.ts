import type { StateTransitionRecord, WorkItemRevisionRecord } from '../../domain/records.ts';

/**
 * A state transition is every revision whose state differs from the revision before it
 * (the first revision is the transition into the initial state). Pure; input in revision order.
 */
export function deriveTransitions(
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
): StateTransitionRecord[] {
  const transitions: StateTransitionRecord[] = [];
  let previousState: string | null = null;
  for (const revision of revisions) {
    if (revision.state !== previousState) {
      transitions.push({
        workItemId: revision.workItemId,
        revision: revision.revision,
        at: revision.changedAt,
        fromState: previousState,
        toState: revision.state,
        workItemType: revision.workItemType,
        provenance: { rawPageId: revision.rawPageId },
      });
    }
    previousState = revision.state;
  }
  return transitions;
}
