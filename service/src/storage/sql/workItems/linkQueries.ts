/** Work-item links (the reporting links API): one row per link, the latest change wins. */
import type { WorkItemLinkRecord } from '../../../domain/records.ts';
import { bool, integer, text } from '../rows.ts';
import { insertMany, type SqlExecutor } from '../sqlDatabase.ts';

export async function writeLinks(
  executor: SqlExecutor,
  organization: string,
  rawPageId: number,
  links: readonly WorkItemLinkRecord[],
): Promise<void> {
  const columns = [
    'organization',
    'source_id',
    'target_id',
    'link_type',
    'changed_at',
    'is_active',
    'raw_page_id',
  ];
  await insertMany(
    executor,
    'work_item_links',
    columns,
    links.map((link) => [
      organization,
      link.sourceId,
      link.targetId,
      link.linkType,
      link.changedAt,
      link.isActive ? 1 : 0,
      rawPageId,
    ]),
    `ON CONFLICT (organization, source_id, target_id, link_type) DO UPDATE SET changed_at = excluded.changed_at,
         is_active = excluded.is_active, raw_page_id = excluded.raw_page_id
       WHERE excluded.changed_at >= work_item_links.changed_at`,
  );
}

export async function readActiveLinks(
  executor: SqlExecutor,
  organization: string,
): Promise<WorkItemLinkRecord[]> {
  const rows = await executor.all(
    'SELECT * FROM work_item_links WHERE organization = ? AND is_active = 1 ORDER BY source_id, target_id, link_type',
    [organization],
  );
  return rows.map((row) => ({
    sourceId: integer(row, 'source_id'),
    targetId: integer(row, 'target_id'),
    linkType: text(row, 'link_type'),
    changedAt: integer(row, 'changed_at'),
    isActive: bool(row, 'is_active'),
  }));
}
