import { describe, expect, it } from 'vitest';
import { listPage, pageRange } from '../../../../service/src/services/delivery/paging.ts';

describe('pageRange', () => {
  it.each([
    [{}, 5, { start: 0, end: 5 }, { offset: 0, limit: null, total: 5, nextOffset: null }],
    [{ limit: 2 }, 5, { start: 0, end: 2 }, { offset: 0, limit: 2, total: 5, nextOffset: 2 }],
    [{ offset: 2, limit: 2 }, 5, { start: 2, end: 4 }, { offset: 2, limit: 2, total: 5, nextOffset: 4 }],
    [{ offset: 4, limit: 2 }, 5, { start: 4, end: 5 }, { offset: 4, limit: 2, total: 5, nextOffset: null }],
    [{ offset: 3 }, 5, { start: 3, end: 5 }, { offset: 3, limit: null, total: 5, nextOffset: null }],
    [{ offset: 9, limit: 2 }, 5, { start: 5, end: 5 }, { offset: 9, limit: 2, total: 5, nextOffset: null }],
    [{ limit: 3 }, 0, { start: 0, end: 0 }, { offset: 0, limit: 3, total: 0, nextOffset: null }],
    [{ offset: 0, limit: 5 }, 5, { start: 0, end: 5 }, { offset: 0, limit: 5, total: 5, nextOffset: null }],
  ])('%j of %i rows', (query, total, rows, page) => {
    expect(pageRange(query, total)).toEqual({ rows, page });
  });

  it('formats only the rows of the page', () => {
    const asked: { start: number; end: number }[] = [];
    const answer = listPage({ offset: 1, limit: 2 }, 10, (rows) => {
      asked.push(rows);
      return ['b', 'c'];
    });
    expect(asked).toEqual([{ start: 1, end: 3 }]);
    expect(answer).toEqual({ items: ['b', 'c'], page: { offset: 1, limit: 2, total: 10, nextOffset: 3 } });
  });
});
