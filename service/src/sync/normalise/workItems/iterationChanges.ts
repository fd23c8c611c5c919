import { iterationKey } from '../../../domain/iterations.ts';
import type { IterationChangeRecord, WorkItemRevisionRecord } from '../../../domain/records.ts';

/**
 * An iteration move is every revision whose System.IterationPath differs from the one before it (the first
 * known path is a move into it). Revisions without a path (synced before Seika asked for it) end nothing:
 * the path is kept until the next one. Pure; input in revision order. `iterationBefore` is the path of the
 * stored revision just before the first one given.
 */
export function deriveIterationChanges(
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
  iterationBefore: string | null = null,
): IterationChangeRecord[] {
  const changes: IterationChangeRecord[] = [];
  let previous = iterationBefore === null ? null : iterationKey(iterationBefore);
  for (const revision of revisions) {
    const path = revision.iterationPath ?? null;
    if (path === null || iterationKey(path) === previous) continue;
    changes.push({
      workItemId: revision.workItemId,
      revision: revision.revision,
      at: revision.changedAt,
      iterationPath: path,
      provenance: { rawPageId: revision.rawPageId },
    });
    previous = iterationKey(path);
  }
  return changes;
}
