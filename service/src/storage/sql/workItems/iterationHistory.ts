import { iterationKey } from '../../../domain/iterations.ts';
import type { ItemIterationHistory } from '../../repository.ts';
import { integer, text } from '../rows.ts';
import { placeholders, type SqlDatabase } from '../sqlDatabase.ts';

/**
 * Every move of every item that was ever in one of the iterations: first the items, through index
 * `iteration_changes_by_iteration` (an equality seek per iteration), then their whole histories through
 * the primary key, so a move out of the sprint (to any path) is read too.
 */
export async function readIterationHistories(
  database: SqlDatabase,
  organization: string,
  iterationPaths: readonly string[],
): Promise<{ known: boolean; items: ItemIterationHistory[] }> {
  // One index seek: does the organization have any iteration history yet?
  const known =
    (await database.get('SELECT 1 AS known FROM iteration_changes WHERE organization = ? LIMIT 1', [
      organization,
    ])) !== undefined;
  const keys = [...new Set(iterationPaths.map(iterationKey))];
  if (!known || keys.length === 0) return { known, items: [] };
  const members = await database.all(
    `SELECT DISTINCT work_item_id FROM iteration_changes WHERE organization = ? AND iteration_key IN (${placeholders(keys.length)})`,
    [organization, ...keys],
  );
  const ids = members.map((row) => integer(row, 'work_item_id')).sort((a, b) => a - b);
  const histories = new Map<number, ItemIterationHistory>();
  // Bounded statements: a sprint rarely holds more than a few hundred items, but nothing relies on it.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await database.all(
      `SELECT work_item_id, at, iteration_path FROM iteration_changes WHERE organization = ? AND work_item_id IN (${placeholders(chunk.length)}) ORDER BY work_item_id, revision`,
      [organization, ...chunk],
    );
    for (const row of rows) {
      const workItemId = integer(row, 'work_item_id');
      const history = histories.get(workItemId) ?? { workItemId, moves: [] };
      history.moves.push({ at: integer(row, 'at'), iterationPath: text(row, 'iteration_path') });
      histories.set(workItemId, history);
    }
  }
  return { known, items: [...histories.values()] };
}
