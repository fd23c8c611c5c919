import { iterationKey } from '../../../domain/iterations.ts';
import type {
  BoardColumnChangeRecord,
  IterationChangeRecord,
  StateTransitionRecord,
  WorkItemRevisionRecord,
} from '../../../domain/records.ts';
import type { RevisionDerivers } from '../../repository.ts';
import {
  COLUMN_CHANGE_COLUMNS,
  ITERATION_CHANGE_COLUMNS,
  REVISION_COLUMNS,
  revisionValues,
  SNAPSHOT_COLUMNS,
  snapshotValues,
  type StoredRevision,
  toStoredRevision,
  TRANSITION_COLUMNS,
  transitionValues,
  updateAll,
} from './revisionRows.ts';
import { integer, optionalText, text } from '../rows.ts';
import { insertMany, placeholders, type SqlExecutor } from '../sqlDatabase.ts';

/**
 * Stores one page of revisions and everything derived from it, inside the caller's transaction:
 * revisions, state transitions, board-column moves, iteration moves and each item's latest snapshot.
 */
export async function writeRevisionPage(
  executor: SqlExecutor,
  organization: string,
  rawPageId: number,
  revisions: readonly WorkItemRevisionRecord[],
  derive: RevisionDerivers,
): Promise<void> {
  const byItem = new Map<number, StoredRevision[]>();
  for (const revision of [...revisions].sort(
    (a, b) => a.workItemId - b.workItemId || a.revision - b.revision,
  )) {
    const list = byItem.get(revision.workItemId) ?? [];
    list.push({ ...revision, rawPageId });
    byItem.set(revision.workItemId, list);
  }
  const ids = [...byItem.keys()];
  const stored =
    ids.length === 0
      ? []
      : await executor.all(
          `SELECT work_item_id, revision, state, board_column, iteration_path FROM work_items WHERE organization = ? AND work_item_id IN (${placeholders(ids.length)})`,
          [organization, ...ids],
        );
  const latestStored = new Map(stored.map((row) => [integer(row, 'work_item_id'), row]));

  await insertMany(
    executor,
    'work_item_revisions',
    REVISION_COLUMNS,
    [...byItem.values()].flat().map((revision) => revisionValues(organization, revision)),
    `ON CONFLICT (organization, work_item_id, revision) DO UPDATE SET ${updateAll(REVISION_COLUMNS, ['organization', 'work_item_id', 'revision'])}`,
  );

  const transitions: StateTransitionRecord[] = [];
  const columnChanges: BoardColumnChangeRecord[] = [];
  const iterationChanges: IterationChangeRecord[] = [];
  for (const [workItemId, history] of byItem) {
    const previous = latestStored.get(workItemId);
    const firstRevision = history[0]?.revision ?? 0;
    if (previous === undefined || integer(previous, 'revision') < firstRevision) {
      // Revisions arrive in order, so the stored snapshot is the revision just before this page's.
      transitions.push(
        ...derive.transitions(history, previous === undefined ? null : text(previous, 'state')),
      );
      columnChanges.push(
        ...derive.columnChanges(
          history,
          previous === undefined ? null : optionalText(previous, 'board_column'),
        ),
      );
      iterationChanges.push(
        ...derive.iterationChanges(
          history,
          previous === undefined ? null : optionalText(previous, 'iteration_path'),
        ),
      );
    } else {
      // A page seen before (a rerun): rebuild this item's history from everything stored.
      const rebuilt = await rederiveAll(executor, organization, workItemId, derive);
      transitions.push(...rebuilt.transitions);
      columnChanges.push(...rebuilt.columnChanges);
      iterationChanges.push(...rebuilt.iterationChanges);
    }
  }
  await insertMany(
    executor,
    'state_transitions',
    TRANSITION_COLUMNS,
    transitions.map((transition) => transitionValues(organization, transition)),
    `ON CONFLICT (organization, work_item_id, revision) DO UPDATE SET ${updateAll(TRANSITION_COLUMNS, ['organization', 'work_item_id', 'revision'])}`,
  );
  await insertMany(
    executor,
    'board_column_changes',
    COLUMN_CHANGE_COLUMNS,
    columnChanges.map((change) => [
      organization,
      change.workItemId,
      change.revision,
      change.at,
      change.column,
      change.provenance.rawPageId,
    ]),
    `ON CONFLICT (organization, work_item_id, revision) DO UPDATE SET ${updateAll(COLUMN_CHANGE_COLUMNS, ['organization', 'work_item_id', 'revision'])}`,
  );
  await insertMany(
    executor,
    'iteration_changes',
    ITERATION_CHANGE_COLUMNS,
    iterationChanges.map((change) => [
      organization,
      change.workItemId,
      change.revision,
      change.at,
      change.iterationPath,
      iterationKey(change.iterationPath),
      change.provenance.rawPageId,
    ]),
    `ON CONFLICT (organization, work_item_id, revision) DO UPDATE SET ${updateAll(ITERATION_CHANGE_COLUMNS, ['organization', 'work_item_id', 'revision'])}`,
  );

  const latest = [...byItem.values()].flatMap((history) => history.slice(-1));
  await insertMany(
    executor,
    'work_items',
    SNAPSHOT_COLUMNS,
    latest.map((revision) => snapshotValues(organization, revision)),
    `ON CONFLICT (organization, work_item_id) DO UPDATE SET ${updateAll(SNAPSHOT_COLUMNS, ['organization', 'work_item_id'])}
         WHERE excluded.revision >= work_items.revision`,
  );
}

async function rederiveAll(
  executor: SqlExecutor,
  organization: string,
  workItemId: number,
  derive: RevisionDerivers,
): Promise<{
  transitions: StateTransitionRecord[];
  columnChanges: BoardColumnChangeRecord[];
  iterationChanges: IterationChangeRecord[];
}> {
  const rows = await executor.all(
    'SELECT * FROM work_item_revisions WHERE organization = ? AND work_item_id = ? ORDER BY revision',
    [organization, workItemId],
  );
  for (const table of ['state_transitions', 'board_column_changes', 'iteration_changes']) {
    await executor.run(`DELETE FROM ${table} WHERE organization = ? AND work_item_id = ?`, [
      organization,
      workItemId,
    ]);
  }
  const history = rows.map(toStoredRevision);
  return {
    transitions: derive.transitions(history, null),
    columnChanges: derive.columnChanges(history, null),
    iterationChanges: derive.iterationChanges(history, null),
  };
}
