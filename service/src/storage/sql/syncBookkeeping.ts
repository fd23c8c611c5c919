/** What the sync keeps about itself: watermarks, its runs, and the raw pages it stored. */
import type { SeikaRepository, StoredRawPage } from '../repository.ts';
import { integer, optionalText, text } from './rows.ts';
import type { SqlExecutor } from './sqlDatabase.ts';
import { toStoredRawPage } from './workItems/revisionRows.ts';

type SyncRunOutcome = Parameters<SeikaRepository['finishSyncRun']>[1];

export async function getWatermark(
  executor: SqlExecutor,
  organization: string,
  stream: string,
): Promise<string | undefined> {
  const row = await executor.get('SELECT value FROM watermarks WHERE organization = ? AND stream = ?', [
    organization,
    stream,
  ]);
  return row === undefined ? undefined : text(row, 'value');
}

export async function setWatermark(
  executor: SqlExecutor,
  organization: string,
  stream: string,
  value: string,
): Promise<void> {
  await executor.run(
    `INSERT INTO watermarks (organization, stream, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (organization, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [organization, stream, value, new Date().toISOString()],
  );
}

export async function startSyncRun(executor: SqlExecutor, organization: string): Promise<number> {
  const row = await executor.get(
    "INSERT INTO sync_runs (organization, started_at, status) VALUES (?, ?, 'running') RETURNING id",
    [organization, new Date().toISOString()],
  );
  if (row === undefined) throw new Error('Inserting a sync run returned no id');
  return integer(row, 'id');
}

export async function finishSyncRun(
  executor: SqlExecutor,
  runId: number,
  outcome: SyncRunOutcome,
): Promise<void> {
  await executor.run(
    'UPDATE sync_runs SET finished_at = ?, status = ?, pages = ?, requests = ?, revisions = ?, error = ? WHERE id = ?',
    [
      new Date().toISOString(),
      outcome.status,
      outcome.pages,
      outcome.requests,
      outcome.revisions,
      outcome.error ?? null,
      runId,
    ],
  );
}

export async function lastSuccessfulSync(
  executor: SqlExecutor,
  organization: string,
): Promise<string | undefined> {
  const row = await executor.get(
    "SELECT finished_at FROM sync_runs WHERE organization = ? AND status = 'succeeded' ORDER BY id DESC LIMIT 1",
    [organization],
  );
  return row === undefined ? undefined : (optionalText(row, 'finished_at') ?? undefined);
}

export async function listRawPages(
  executor: SqlExecutor,
  organization: string,
  stream: string,
): Promise<StoredRawPage[]> {
  const rows = await executor.all(
    'SELECT * FROM raw_pages WHERE organization = ? AND stream = ? ORDER BY id',
    [organization, stream],
  );
  return rows.map(toStoredRawPage);
}

export async function rawPagesAfter(
  executor: SqlExecutor,
  organization: string,
  afterId: number,
  limit: number,
): Promise<StoredRawPage[]> {
  const rows = await executor.all(
    'SELECT * FROM raw_pages WHERE organization = ? AND id > ? ORDER BY id LIMIT ?',
    [organization, afterId, limit],
  );
  return rows.map(toStoredRawPage);
}

export async function organizationsWithRawPages(executor: SqlExecutor): Promise<string[]> {
  const rows = await executor.all('SELECT DISTINCT organization FROM raw_pages ORDER BY organization');
  return rows.map((row) => text(row, 'organization'));
}
