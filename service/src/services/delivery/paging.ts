/** Paging of the drill-down lists: `offset` and `limit` pick rows; without a limit every row is answered. */
import type { DeliveryPage } from '../../contract/index.ts';
import type { RowRange } from './items.ts';

export interface PageQuery {
  offset?: number | undefined;
  limit?: number | undefined;
}

export function pageRange(query: PageQuery, total: number): { rows: RowRange; page: DeliveryPage } {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? null;
  const start = Math.min(offset, total);
  const end = limit === null ? total : Math.min(total, start + limit);
  return { rows: { start, end }, page: { offset, limit, total, nextOffset: end < total ? end : null } };
}

/** Formats only the rows of the page asked for. */
export function listPage<T>(
  query: PageQuery,
  total: number,
  format: (rows: RowRange) => T[],
): { items: T[]; page: DeliveryPage } {
  const { rows, page } = pageRange(query, total);
  return { items: format(rows), page };
}
