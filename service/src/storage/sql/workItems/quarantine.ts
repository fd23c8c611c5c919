import type { QuarantinedRecord, StoredQuarantinedRecord } from '../../repository.ts';
import { stripIdentities } from '../rawPageIdentities.ts';
import { integer, text } from '../rows.ts';
import { insertMany, type SqlDatabase, type SqlExecutor } from '../sqlDatabase.ts';

/**
 * Replaces what is quarantined from one raw page: applying a page again (a live re-read or
 * `resync --from-raw` after a mapping fix) quarantines exactly the records that still fail.
 */
export async function replaceQuarantined(
  executor: SqlExecutor,
  organization: string,
  stream: string,
  rawPageId: number,
  records: readonly QuarantinedRecord[],
): Promise<void> {
  await executor.run('DELETE FROM quarantined_records WHERE organization = ? AND raw_page_id = ?', [
    organization,
    rawPageId,
  ]);
  if (records.length === 0) return;
  const now = Date.now();
  await insertMany(
    executor,
    'quarantined_records',
    ['organization', 'stream', 'raw_page_id', 'position', 'item_key', 'item', 'reason', 'quarantined_at'],
    records.map((record) => [
      organization,
      stream,
      rawPageId,
      record.position,
      record.itemKey,
      JSON.stringify(stripIdentities(record.item)),
      record.reason,
      now,
    ]),
  );
}

export async function listQuarantined(
  database: SqlDatabase,
  organization: string,
): Promise<StoredQuarantinedRecord[]> {
  const rows = await database.all(
    `SELECT stream, raw_page_id, position, item_key, item, reason, quarantined_at FROM quarantined_records
     WHERE organization = ? ORDER BY raw_page_id, position`,
    [organization],
  );
  return rows.map((row) => ({
    stream: text(row, 'stream'),
    rawPageId: integer(row, 'raw_page_id'),
    position: integer(row, 'position'),
    itemKey: text(row, 'item_key'),
    item: JSON.parse(text(row, 'item')) as unknown,
    reason: text(row, 'reason'),
    quarantinedAt: integer(row, 'quarantined_at'),
  }));
}
