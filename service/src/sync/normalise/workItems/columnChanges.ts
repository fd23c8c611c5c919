import type { BoardColumnChangeRecord, WorkItemRevisionRecord } from '../../../domain/records.ts';

/**
 * A board-column move is every revision whose System.BoardColumn differs from the revision before it.
 * Revisions without a column (not on a board) end nothing: the column is kept until the next one.
 */
export function deriveColumnChanges(
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
  columnBefore: string | null = null,
): BoardColumnChangeRecord[] {
  const changes: BoardColumnChangeRecord[] = [];
  let previous = columnBefore;
  for (const revision of revisions) {
    if (revision.boardColumn !== null && revision.boardColumn !== previous) {
      changes.push({
        workItemId: revision.workItemId,
        revision: revision.revision,
        at: revision.changedAt,
        column: revision.boardColumn,
        provenance: { rawPageId: revision.rawPageId },
      });
      previous = revision.boardColumn;
    }
  }
  return changes;
}
