import { createHash } from 'node:crypto';
import type { PageSource, RawPage } from '../repository.ts';
import { storedBody } from './rawPageIdentities.ts';
import { integer } from './rows.ts';
import type { SqlExecutor } from './sqlDatabase.ts';
import { replaceQuarantined } from './workItems/quarantine.ts';

/**
 * The raw page's id: stored now with the request that produced it, or the id of a page stored earlier.
 * People's identities are removed first; the same request answered with the same body (a retry, a
 * re-poll of an unchanged watermark) is stored once and keeps its id.
 */
export async function rawPageIdFor(
  executor: SqlExecutor,
  organization: string,
  page: PageSource,
): Promise<number> {
  const rawPageId =
    'storedPageId' in page ? page.storedPageId : await insertRawPage(executor, organization, page);
  // Every apply stores its page through here, inside the page's transaction: so does its quarantine.
  if (page.quarantine !== undefined) {
    await replaceQuarantined(
      executor,
      organization,
      page.quarantine.stream,
      rawPageId,
      page.quarantine.records,
    );
  }
  return rawPageId;
}

async function insertRawPage(executor: SqlExecutor, organization: string, page: RawPage): Promise<number> {
  const body = storedBody(page.body);
  const row = await executor.get(
    `INSERT INTO raw_pages (organization, stream, request_url, request_token, response_token, is_last_batch,
       item_count, body, fetched_at, page_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (organization, stream, page_hash) DO UPDATE SET fetched_at = excluded.fetched_at
     RETURNING id`,
    [
      organization,
      page.stream,
      page.requestUrl,
      page.requestToken,
      page.responseToken,
      page.isLastBatch ? 1 : 0,
      page.itemCount,
      body,
      new Date().toISOString(),
      // The request and the answer as stored; a hash keeps long URLs out of the unique index.
      createHash('sha256').update(page.requestUrl).update('\0').update(body).digest('base64url'),
    ],
  );
  if (row === undefined) throw new Error('Inserting a raw page returned no id');
  return integer(row, 'id');
}
