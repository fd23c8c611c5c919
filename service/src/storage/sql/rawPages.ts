import type { PageSource } from '../repository.ts';
import { integer } from './rows.ts';
import type { SqlExecutor } from './sqlDatabase.ts';

/** The raw page's id: stored now with the request that produced it, or the id of a page stored earlier. */
export async function rawPageIdFor(
  executor: SqlExecutor,
  organization: string,
  page: PageSource,
): Promise<number> {
  if ('storedPageId' in page) return page.storedPageId;
  const row = await executor.get(
    `INSERT INTO raw_pages (organization, stream, request_url, request_token, response_token, is_last_batch,
       item_count, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      organization,
      page.stream,
      page.requestUrl,
      page.requestToken,
      page.responseToken,
      page.isLastBatch ? 1 : 0,
      page.itemCount,
      page.body,
      new Date().toISOString(),
    ],
  );
  if (row === undefined) throw new Error('Inserting a raw page returned no id');
  return integer(row, 'id');
}
