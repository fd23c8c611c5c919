import type { StateTransitionRecord, WorkItemRevisionRecord } from '../../../domain/records.ts';

/**
 * A state transition is every revision whose state differs from the revision before it (the first
 * revision is the transition into the initial state). Pure; input in revision order. `stateBefore` is the
 * state of the revision just before the first one given, when that one is already stored.
 */
export function deriveTransitions(
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
  stateBefore: string | null = null,
): StateTransitionRecord[] {
  const transitions: StateTransitionRecord[] = [];
  let previousState = stateBefore;
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
