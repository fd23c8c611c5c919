import type { WorkItemRevisionRecord } from '../../../domain/records.ts';
import { touchScopes, type VersionedScope } from '../dataVersions.ts';
import { text } from '../rows.ts';
import { placeholders, type SqlExecutor } from '../sqlDatabase.ts';

/**
 * Marks the area paths a page of revisions touches as changed: each item's area path in the page and the
 * one it is stored with now (an item moved to another team's area changes both teams). Read before the
 * page is written, inside its transaction.
 */
export async function touchRevisedAreas(
  executor: SqlExecutor,
  organization: string,
  revisions: readonly WorkItemRevisionRecord[],
): Promise<void> {
  const scopes: VersionedScope[] = revisions.map((revision) => ({
    kind: 'area',
    project: revision.project,
    areaPath: revision.areaPath,
  }));
  const ids = [...new Set(revisions.map((revision) => revision.workItemId))];
  // Chunks keep each statement well under either driver's parameter limit.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const stored = await executor.all(
      `SELECT DISTINCT project, area_path FROM work_items WHERE organization = ? AND work_item_id IN (${placeholders(chunk.length)})`,
      [organization, ...chunk],
    );
    for (const row of stored) {
      scopes.push({ kind: 'area', project: text(row, 'project'), areaPath: text(row, 'area_path') });
    }
  }
  await touchScopes(executor, organization, scopes);
}
